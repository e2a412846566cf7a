package org.rendezvous.app.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.rendezvous.app.practitioner.ProfileController;
import org.rendezvous.core.practitioner.ProfilePhoto;

/**
 * A body over {@code micronaut.server.max-request-size} (2 MB, the photo's limit, ACC-4) is refused
 * before it is read: a 413 problem that names the photo on the photo route, the body elsewhere.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public final class PhotoSizeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    private final long maxRequestSize;

    PhotoSizeHandler(HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException exception) {
        return tooLarge(request, maxRequestSize);
    }

    /** The one answer to a body over the limit, whether its declared length or its bytes showed it. */
    static HttpResponse<Problem> tooLarge(HttpRequest<?> request, long maxRequestSize) {
        String detail = request.getPath().equals(ProfileController.OWN_PHOTO)
                ? "photo: at most 2 MB (" + ProfilePhoto.MAX_BYTES + " bytes)"
                : "body: at most " + maxRequestSize + " bytes";
        return Problem.of("PAYLOAD_TOO_LARGE", HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail).toResponse();
    }
}
