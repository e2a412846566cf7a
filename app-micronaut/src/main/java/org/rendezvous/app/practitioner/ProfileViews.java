package org.rendezvous.app.practitioner;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.rendezvous.app.http.ApiViews.ActivityView;
import org.rendezvous.app.http.Html;
import org.rendezvous.app.practitioner.PractitionerViews.FormFieldView;
import org.rendezvous.core.PublicPage;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.practitioner.Address;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.Slug;

/** The JSON shapes of the profile and the public page (PAGE-1 … PAGE-3, ACC-4). */
public final class ProfileViews {

    private ProfileViews() {
    }

    @Serdeable
    record AddressView(@Nullable String label, String address) {
        public static AddressView of(Address a) {
            return new AddressView(a.label().orElse(null), a.address());
        }
    }

    /**
     * The practitioner's own profile. {@code publicPageUrl} and {@code embedSnippet} are there once a slug
     * is chosen; {@code photoUrl} once a photo is given (the practitioner's own, behind the session).
     */
    @Serdeable
    record ProfileView(String id, String name, String email, @Nullable String phone, String language, Instant registeredAt,
                       boolean emailVerified, String zone, @Nullable String slug, String presentation,
                       List<AddressView> addresses, boolean pageEnabled, @Nullable String photoUrl,
                       @Nullable String publicPageUrl, @Nullable String embedSnippet, boolean phoneOnPage) {
        public static ProfileView of(Practitioner p, PractitionerProfile profile, boolean verified, String zone, String baseUrl) {
            String slug = profile.slug().map(Slug::value).orElse(null);
            String pageUrl = slug == null ? null : baseUrl + "/p/" + slug;
            return new ProfileView(p.id().toString(), p.name().value(), p.email().value(),
                    p.phone().map(Object::toString).orElse(null), p.language().locale().getLanguage(), p.registeredAt(),
                    verified, zone, slug, profile.presentation(), profile.addresses().stream().map(AddressView::of).toList(),
                    profile.pageEnabled(), profile.hasPhoto() ? baseUrl + ProfileController.OWN_PHOTO : null, pageUrl,
                    pageUrl == null ? null : ProfileViews.embedSnippet(pageUrl, p.name().value()), profile.phoneOnPage());
        }
    }

    /** PAGE-3: the HTML a practitioner pastes into their own site to show the booking form there. */
    static String embedSnippet(String pageUrl, String name) {
        return "<iframe src=\"" + Html.escape(pageUrl + "?embed=1") + "\" title=\"" + Html.escape("Book with " + name)
                + "\" width=\"100%\" height=\"760\" style=\"border:0;max-width:720px\" loading=\"lazy\"></iframe>";
    }

    /**
     * A change of profile; a field left out keeps its value, an empty slug or phone removes it.
     * {@code phoneOnPage}: whether the public page shows the contact phone.
     */
    @Serdeable
    record ProfileRequest(@Nullable String name, @Nullable String phone, @Nullable String language, @Nullable String slug,
                          @Nullable String presentation, @Nullable List<AddressView> addresses,
                          @Nullable Boolean pageEnabled, @Nullable Boolean phoneOnPage) {
    }

    /**
     * PAGE-2: what a client sees of the practitioner before choosing an activity and a time, and what the
     * booking form asks: the practitioner's questions ({@code form}) and whether paying online is offered,
     * required or not offered ({@code onlinePayment}, BK-3). {@code phone}: the practitioner's contact phone,
     * only if they chose to show it.
     */
    @Serdeable
    public record PublicPageView(String practitionerId, String name, String slug, String presentation, List<AddressView> addresses,
                          @Nullable String photoUrl, String zone, List<ActivityView> activities,
                          List<FormFieldView> form, OnlinePayment onlinePayment, @Nullable String bookingsClosed,
                          @Nullable String phone) {
        public static PublicPageView of(PublicPage page, String baseUrl) {
            return of(page, baseUrl, null);
        }

        /** {@code bookingsClosed}: why new bookings are refused now (PLAN-2: the free plan's quota), or null. */
        public static PublicPageView of(PublicPage page, String baseUrl, @Nullable String bookingsClosed) {
            AgendaSettings settings = page.settings();
            String slug = page.profile().slug().orElseThrow().value();
            return new PublicPageView(page.practitioner().id().toString(), page.practitioner().name().value(), slug,
                    page.profile().presentation(), page.profile().addresses().stream().map(AddressView::of).toList(),
                    page.profile().hasPhoto() ? baseUrl + "/api/public/pages/" + slug + "/photo" : null,
                    page.zone().getId(), page.activities().stream().map(ActivityView::of).toList(),
                    settings.form().fields().stream().map(FormFieldView::of).toList(),
                    settings.onlinePayment(), bookingsClosed, page.profile().phoneOnPage()
                            ? page.practitioner().phone().map(Object::toString).orElse(null) : null);
        }
    }
}
