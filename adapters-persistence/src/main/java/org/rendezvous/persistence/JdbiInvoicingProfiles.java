package org.rendezvous.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.port.InvoicingProfiles;
import org.rendezvous.core.practitioner.InvoiceImage;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PaymentTerms;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;

/** Practitioners' invoicing set-up (INV-1) in {@code invoicing_profiles}, one row each, images inline. */
final class JdbiInvoicingProfiles implements InvoicingProfiles {

    public record ProfileRow(UUID practitionerId, String legalName, boolean individualEntrepreneur, String street,
                             String postcode, String city, String countryCode, String siret, String vatNumber,
                             String vatExemptionMention, int vatDefaultRateBp, int paymentDays, String paymentNote,
                             String autoIssue, String logoType, byte[] logo, String signatureType, byte[] signature) {
    }

    interface Dao {
        @SqlQuery("SELECT * FROM invoicing_profiles WHERE practitioner_id = :id")
        @RegisterConstructorMapper(ProfileRow.class)
        Optional<ProfileRow> find(@Bind("id") UUID id);

        @SqlUpdate("""
                INSERT INTO invoicing_profiles (practitioner_id, legal_name, individual_entrepreneur, street, postcode,
                    city, country_code, siret, vat_number, vat_exemption_mention, vat_default_rate_bp, payment_days,
                    payment_note, auto_issue, logo_type, logo, signature_type, signature)
                VALUES (:practitionerId, :legalName, :individualEntrepreneur, :street, :postcode, :city, :countryCode,
                    :siret, :vatNumber, :vatExemptionMention, :vatDefaultRateBp, :paymentDays, :paymentNote, :autoIssue,
                    :logoType, :logo, :signatureType, :signature)
                ON CONFLICT (practitioner_id) DO UPDATE SET legal_name = EXCLUDED.legal_name,
                    individual_entrepreneur = EXCLUDED.individual_entrepreneur, street = EXCLUDED.street,
                    postcode = EXCLUDED.postcode, city = EXCLUDED.city, country_code = EXCLUDED.country_code,
                    siret = EXCLUDED.siret, vat_number = EXCLUDED.vat_number,
                    vat_exemption_mention = EXCLUDED.vat_exemption_mention,
                    vat_default_rate_bp = EXCLUDED.vat_default_rate_bp, payment_days = EXCLUDED.payment_days,
                    payment_note = EXCLUDED.payment_note, auto_issue = EXCLUDED.auto_issue,
                    logo_type = EXCLUDED.logo_type, logo = EXCLUDED.logo, signature_type = EXCLUDED.signature_type,
                    signature = EXCLUDED.signature
                """)
        void save(@BindMethods ProfileRow row);

        @SqlQuery("SELECT * FROM invoicing_profiles WHERE auto_issue <> 'NEVER' ORDER BY practitioner_id LIMIT :limit")
        @RegisterConstructorMapper(ProfileRow.class)
        java.util.List<ProfileRow> withAutoIssue(@Bind("limit") int limit);
    }

    private final JdbiTransactions transactions;

    JdbiInvoicingProfiles(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<InvoicingProfile> find(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).find(practitioner.value()))
                .map(JdbiInvoicingProfiles::toProfile);
    }

    @Override
    public void save(InvoicingProfile profile) {
        LegalIdentity i = profile.identity();
        ProfileRow row = new ProfileRow(profile.practitionerId().value(), i.legalName(), i.individualEntrepreneur(),
                i.street(), i.postcode(), i.city(), i.countryCode(), i.siret().map(Siret::value).orElse(null),
                i.vatNumber().orElse(null), exemption(i.vat()), i.vat().defaultRate().basisPoints(), i.terms().daysDue(),
                i.terms().note().orElse(null), profile.autoIssue().name(),
                profile.logo().map(InvoiceImage::mediaType).orElse(null), profile.logo().map(InvoiceImage::bytes).orElse(null),
                profile.signature().map(InvoiceImage::mediaType).orElse(null),
                profile.signature().map(InvoiceImage::bytes).orElse(null));
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).save(row);
            return null;
        });
    }

    @Override
    public java.util.List<InvoicingProfile> withAutoIssue(int limit) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).withAutoIssue(limit)).stream()
                .map(JdbiInvoicingProfiles::toProfile).toList();
    }

    static String exemption(VatStatus vat) {
        return vat instanceof VatStatus.Exempt exempt ? exempt.mention() : null;
    }

    static VatStatus vat(String exemptionMention, int defaultRateBp) {
        return exemptionMention != null ? new VatStatus.Exempt(exemptionMention)
                : new VatStatus.Liable(Percent.ofBasisPoints(defaultRateBp));
    }

    static LegalIdentity identity(String legalName, boolean individualEntrepreneur, String street, String postcode,
                                  String city, String countryCode, String siret, String vatNumber,
                                  String vatExemptionMention, int vatDefaultRateBp, int paymentDays, String paymentNote) {
        return new LegalIdentity(legalName, individualEntrepreneur, street, postcode, city, countryCode,
                Optional.ofNullable(siret).map(Siret::new), Optional.ofNullable(vatNumber),
                vat(vatExemptionMention, vatDefaultRateBp), new PaymentTerms(paymentDays, Optional.ofNullable(paymentNote)));
    }

    private static InvoicingProfile toProfile(ProfileRow r) {
        LegalIdentity identity = identity(r.legalName(), r.individualEntrepreneur(), r.street(), r.postcode(), r.city(),
                r.countryCode(), r.siret(), r.vatNumber(), r.vatExemptionMention(), r.vatDefaultRateBp(), r.paymentDays(),
                r.paymentNote());
        return new InvoicingProfile(new PractitionerId(r.practitionerId()), identity,
                InvoicingProfile.AutoIssue.valueOf(r.autoIssue()),
                Optional.ofNullable(r.logo()).map(bytes -> InvoiceImage.of("logo", bytes)),
                Optional.ofNullable(r.signature()).map(bytes -> InvoiceImage.of("signature", bytes)));
    }
}
