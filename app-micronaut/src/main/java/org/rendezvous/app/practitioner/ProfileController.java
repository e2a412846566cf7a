package org.rendezvous.app.practitioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.me;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicPageController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.PhoneInput;
import org.rendezvous.app.http.PhotoSizeHandler;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.ProfileViews.AddressView;
import org.rendezvous.app.practitioner.ProfileViews.ProfileRequest;
import org.rendezvous.app.practitioner.ProfileViews.ProfileView;
import org.rendezvous.app.wiring.HostSettings;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.Address;
import org.rendezvous.core.practitioner.ChangeProfileCommand;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.Slug;

/**
 * The practitioner's own profile and public page settings (PAGE-1 … PAGE-3) and photo (ACC-4). As on
 * every practitioner route, the practitioner is the one of the session (ACC-2).
 */
@Controller("/api/practitioner/profile")
@Secured(Roles.PRACTITIONER)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.PractitionerSession
public final class ProfileController {

    public static final String OWN_PHOTO = "/api/practitioner/profile/photo";

    private final Rendezvous engine;
    private final AccountService accounts;
    private final HostSettings host;

    ProfileController(Rendezvous engine, AccountService accounts, HostSettings host) {
        this.engine = engine;
        this.accounts = accounts;
        this.host = host;
    }

    /** PAGE-1, ACC-4: the practitioner's profile and public page settings. */
    @Get
    @ApiResponse(responseCode = "200", description = "the profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @ApiDoc.NotFound
    HttpResponse<?> profile(Authentication authentication) {
        PractitionerId me = me(authentication);
        return engine.practitioners().profile(me).<HttpResponse<?>>map(profile -> HttpResponse.ok(view(me, profile)))
                .orElseGet(ProfileController::noSuchPractitioner);
    }

    /**
     * Changes the fields given; a field left out keeps its value, an empty slug or phone removes it. A
     * slug another page has is a 409 (PAGE-1); a malformed one a 400 naming {@code slug}.
     */
    @Put
    @ApiResponse(responseCode = "200", description = "the profile as saved",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    HttpResponse<?> change(Authentication authentication, @Body ProfileRequest r) {
        PractitionerId me = me(authentication);
        Optional<Practitioner> found = engine.practitioners().find(me);
        Optional<PractitionerProfile> current = engine.practitioners().profile(me);
        if (found.isEmpty() || current.isEmpty()) {
            return noSuchPractitioner();
        }
        Practitioner p = found.get();
        PractitionerProfile was = current.get();
        ChangeProfileCommand command = new ChangeProfileCommand(me,
                r.name() == null ? p.name() : PersonName.of(r.name()),
                r.phone() == null ? p.phone() : PhoneInput.optional(r.phone()),
                r.language() == null ? p.language() : AuthController.language(r.language()),
                r.slug() == null ? was.slug() : r.slug().isBlank() ? Optional.empty() : Optional.of(Slug.of(r.slug())),
                r.presentation() == null ? was.presentation() : r.presentation(),
                r.addresses() == null ? was.addresses() : addresses(r.addresses()),
                r.pageEnabled() == null ? was.pageEnabled() : r.pageEnabled(),
                r.phoneOnPage() == null ? was.phoneOnPage() : r.phoneOnPage());
        return respond(engine.practitioners().changeProfile(command), me);
    }

    /**
     * ACC-4: the photo is the raw body, whatever its declared type; its bytes decide whether it is a JPEG
     * or a PNG. More than 2 MB is refused before it is read (413, see {@link PhotoSizeHandler}).
     */
    @Put("/photo")
    @Consumes(MediaType.ALL)
    @ApiResponse(responseCode = "200", description = "the profile with its new photo",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.TooLarge
    HttpResponse<?> changePhoto(Authentication authentication, @Body @Nullable byte[] body) {
        PractitionerId me = me(authentication);
        ProfilePhoto photo = ProfilePhoto.of(body);
        return respond(engine.practitioners().changePhoto(me, photo), me);
    }

    /** ACC-4: removes the photo. */
    @Delete("/photo")
    @ApiResponse(responseCode = "200", description = "the profile without a photo",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    HttpResponse<?> removePhoto(Authentication authentication) {
        PractitionerId me = me(authentication);
        return respond(engine.practitioners().removePhoto(me), me);
    }

    /** The practitioner's own photo, for their dashboard, whether or not their page is public. */
    @Get("/photo")
    @Produces({ProfilePhoto.JPEG, ProfilePhoto.PNG})
    @ApiResponse(responseCode = "200", description = "the photo",
            content = {@Content(mediaType = ProfilePhoto.JPEG, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ProfilePhoto.PNG, schema = @Schema(type = "string", format = "binary"))})
    @ApiDoc.NotFound
    @Operation(operationId = "profilePhoto")
    HttpResponse<?> photo(Authentication authentication) {
        return engine.practitioners().photo(me(authentication)).<HttpResponse<?>>map(PublicPageController::image)
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "photo: none was given").toResponse());
    }

    private HttpResponse<?> respond(Outcome<PractitionerProfile> outcome, PractitionerId me) {
        return outcome.fold(profile -> HttpResponse.ok(view(me, profile)),
                rejected -> Problem.of(rejected.reason(), rejected.detail()).toResponse());
    }

    private ProfileView view(PractitionerId me, PractitionerProfile profile) {
        Practitioner p = engine.practitioners().find(me).orElseThrow();
        return ProfileView.of(p, profile, accounts.credentials(me).map(Credentials::emailVerified).orElse(false),
                engine.practitioners().settings(me).map(s -> s.zone().getId()).orElse(""), host.baseUrl());
    }

    private static HttpResponse<?> noSuchPractitioner() {
        return Problem.of(Reason.NOT_FOUND, "practitionerId: no such practitioner").toResponse();
    }

    /** Each address checked in turn, a refusal naming its place in the list: "addresses[1].address: …". */
    private static List<Address> addresses(List<AddressView> given) {
        List<Address> addresses = new ArrayList<>();
        for (AddressView a : given) {
            if (a == null) {
                throw new IllegalArgumentException("addresses[" + addresses.size() + "]: must not be null");
            }
            try {
                addresses.add(new Address(Optional.ofNullable(a.label()), a.address()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("addresses[" + addresses.size() + "]." + e.getMessage(), e);
            }
        }
        return addresses;
    }
}
