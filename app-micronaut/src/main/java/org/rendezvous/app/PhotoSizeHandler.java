package org.rendezvous.app;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.rendezvous.core.practitioner.ProfilePhoto;

/**
 * A body over {@code micronaut.server.max-request-size} (2 MB, the photo's limit, ACC-4) is refused
 * before it is read: a 413 problem that names the photo on the photo route, the body elsewhere.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
final class PhotoSizeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException exception) {
        String detail = request.getPath().equals(ProfileController.OWN_PHOTO)
                ? "photo: at most 2 MB (" + ProfilePhoto.MAX_BYTES + " bytes)"
                : "body: larger than the server accepts";
        return Problem.of("PAYLOAD_TOO_LARGE", HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail).toResponse();
    }
}
