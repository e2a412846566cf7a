package org.rendezvous.app.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.ProfileViews.PublicPageView;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.PublicPage;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.ProfilePhoto;

/**
 * A practitioner's public page by its slug (PAGE-1, PAGE-2) and its photo. A slug nobody has, a page
 * its practitioner disabled, and the page of a practitioner whose e-mail is not verified yet (ACC-1) all
 * answer the same 404. Practitioners without an account (an embedder's) are public.
 */
@Controller("/api/public/pages")
public final class PublicPageController {

    /** Photos change rarely and their URL stays: caches may keep one for a while, and revalidate by ETag. */
    static final String PHOTO_CACHE = "public, max-age=300";

    private final Rendezvous engine;
    private final PublicPages pages;
    private final HostSettings host;

    PublicPageController(Rendezvous engine, PublicPages pages, HostSettings host) {
        this.engine = engine;
        this.pages = pages;
        this.host = host;
    }

    /** PAGE-1 … PAGE-3: the public page of a practitioner by its slug: presentation, addresses, activities. */
    @Get("/{slug}")
    @Operation(operationId = "publicPage", security = {})
    @ApiResponse(responseCode = "200", description = "the page",
            content = @Content(schema = @Schema(implementation = PublicPageView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> page(@PathVariable String slug) {
        return pages.visible(slug).<HttpResponse<?>>map(page -> HttpResponse.ok(PublicPageView.of(page, host.baseUrl(),
                        closed(page))))
                .orElseGet(PublicPageController::noSuchPage);
    }

    /** PLAN-2: past the free plan's quota the page says that new bookings wait until next month. */
    private String closed(PublicPage page) {
        return engine.plans().quota(page.practitioner().id()).fold(
                quota -> quota.bookingsClosed() ? "This practitioner takes no more online bookings this month; "
                        + "bookings open again on " + quota.month().month().plusMonths(1).atDay(1) + "." : null,
                rejected -> null);
    }

    /** The photo of a public page; 304 when the cache already holds it (ETag). */
    @Get("/{slug}/photo")
    @Produces({ProfilePhoto.JPEG, ProfilePhoto.PNG})
    @Operation(operationId = "publicPagePhoto", security = {})
    @ApiResponse(responseCode = "200", description = "the photo",
            content = {@Content(mediaType = ProfilePhoto.JPEG, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ProfilePhoto.PNG, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "the cache's copy is still this photo")
    @ApiDoc.NotFound
    HttpResponse<?> photo(@PathVariable String slug, @Header("If-None-Match") @Nullable String ifNoneMatch) {
        return pages.visible(slug).flatMap(page -> engine.practitioners().photo(page.practitioner().id()))
                .<HttpResponse<?>>map(photo -> image(photo, ifNoneMatch))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "slug: no photo on this page").toResponse());
    }


    /** The image with the type its bytes showed, never sniffed again by the browser. */
    public static HttpResponse<?> image(ProfilePhoto photo) {
        return image(photo, null);
    }

    /** The same, or 304 without the bytes when the cache that asks already holds this very photo. */
    static HttpResponse<?> image(ProfilePhoto photo, @Nullable String ifNoneMatch) {
        String etag = "\"" + digest(photo) + "\"";
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"))) {
            return HttpResponse.notModified().header("ETag", etag).header("Cache-Control", PHOTO_CACHE);
        }
        return HttpResponse.ok(photo.bytes()).contentType(MediaType.of(photo.mediaType()))
                .header("Cache-Control", PHOTO_CACHE).header("X-Content-Type-Options", "nosniff")
                .header("ETag", etag);
    }

    private static String digest(ProfilePhoto photo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(photo.bytes());
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static HttpResponse<?> noSuchPage() {
        return Problem.of(Reason.NOT_FOUND, "slug: no such page").toResponse();
    }
}
