package org.rendezvous.payments.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.core.payout.PayoutBatchState;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.PractitionerId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The SEPA credit-transfer file of a payout batch, validated against the official pain.001.001.03 schema. */
class Pain001FilesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant EXPORTED = Instant.parse("2026-12-01T07:30:12.345678Z");
    private static final SepaDebtor OPERATOR = SepaDebtor.of("Rendez-vous Santé SAS", "FR76 3000 6000 0112 3456 7890 189",
            "AGRIFRPP");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws SAXException {
        URL xsd = Pain001FilesTest.class.getResource("/iso20022/pain.001.001.03.xsd");
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    static void assertValid(byte[] file) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
    }

    static Document parse(byte[] file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
    }

    static List<String> texts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS(Pain001Files.NAMESPACE, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static BatchItem item(String holder, String iban, Optional<String> bic, String amount) {
        BankDetails details = bic.map(b -> BankDetails.of(holder, iban, b)).orElseGet(() -> BankDetails.of(holder, iban));
        return new BatchItem(new PayoutId(UUID.randomUUID()), new PractitionerId(UUID.randomUUID()), details,
                Money.of(amount, "EUR"), "Rendezvous payout cycle:2026-12-01");
    }

    static PayoutBatch exported(List<BatchItem> items) {
        return new PayoutBatch(new PayoutBatchId(UUID.randomUUID()), Optional.of(LocalDate.of(2026, 12, 1)), EUR,
                PayoutBatchState.EXPORTED, items, EXPORTED.minusSeconds(3600), Optional.of(EXPORTED), Optional.empty());
    }

    @Test
    @DisplayName("PO-1, PO-5 a cycle's batch of several payouts, accents in names, amounts at the boundaries: valid pain.001.001.03, counts and control sum right")
    void severalPayoutsValidateAgainstTheSchema() throws Exception {
        List<BatchItem> items = List.of(
                item("Zoë Müller-Łukasiewicz", "DE89 3704 0044 0532 0130 00", Optional.of("COBADEFFXXX"), "0.01"),
                item("François d'Aubigné & Fils", "FR14 2004 1010 0505 0001 3M02 606", Optional.empty(), "57.00"),
                item("Ægir Þórsson — “Studio”", "BE68 5390 0754 7034", Optional.empty(), "99999999999.99"),
                item("Anna Martin", "NL91 ABNA 0417 1643 00", Optional.empty(), "0.10"));
        PayoutBatch batch = exported(items);

        byte[] file = new Pain001Files(OPERATOR).write(batch);
        assertValid(file);

        Document doc = parse(file);
        assertThat(texts(doc, "NbOfTxs")).containsExactly("4", "4");
        assertThat(texts(doc, "CtrlSum")).containsExactly("100000000057.10", "100000000057.10");
        assertThat(texts(doc, "InstdAmt")).containsExactly("0.01", "57.00", "99999999999.99", "0.10");
        assertThat(texts(doc, "InstdAmt").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal(texts(doc, "CtrlSum").get(0)));
        assertThat(((Element) doc.getElementsByTagNameNS(Pain001Files.NAMESPACE, "InstdAmt").item(0)).getAttribute("Ccy"))
                .isEqualTo("EUR");
        assertThat(texts(doc, "Nm")).containsExactly("Rendez-vous Sante SAS", "Rendez-vous Sante SAS",
                "Zoe Muller-Lukasiewicz", "Francois d'Aubigne + Fils", "AEgir THorsson Studio", "Anna Martin");
        assertThat(texts(doc, "IBAN")).containsExactly("FR7630006000011234567890189", "DE89370400440532013000",
                "FR1420041010050500013M02606", "BE68539007547034", "NL91ABNA0417164300");
        assertThat(texts(doc, "BIC")).containsExactly("AGRIFRPP", "COBADEFFXXX");
        assertThat(texts(doc, "CreDtTm")).containsExactly("2026-12-01T07:30:12");
        assertThat(texts(doc, "ReqdExctnDt")).containsExactly("2026-12-01");
        assertThat(texts(doc, "SvcLvl")).containsExactly("SEPA");

        // The schema can fail: the same file with a 36-character message id is refused.
        String tampered = new String(file, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<MsgId>([0-9a-f]{32})</MsgId>", "<MsgId>$1ABCD</MsgId>");
        assertThatThrownBy(() -> assertValid(tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("Max35Text");
    }

    @Test
    @DisplayName("MsgId, PmtInfId and EndToEndId are unique, at most 35 characters, and the same at every download")
    void identifiersAreUniqueAndStable() throws Exception {
        List<BatchItem> items = List.of(item("Anna Martin", "NL91 ABNA 0417 1643 00", Optional.empty(), "10.00"),
                item("Ben Petit", "FR14 2004 1010 0505 0001 3M02 606", Optional.empty(), "20.00"));
        PayoutBatch batch = exported(items);
        Pain001Files files = new Pain001Files(OPERATOR);

        byte[] first = files.write(batch);
        assertThat(files.write(batch)).as("downloaded again: the same file").isEqualTo(first);

        Document doc = parse(first);
        List<String> ids = new ArrayList<>(texts(doc, "MsgId"));
        ids.addAll(texts(doc, "PmtInfId"));
        ids.addAll(texts(doc, "EndToEndId"));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id.length()).isBetween(1, 35));
        assertThat(texts(doc, "EndToEndId")).containsExactly(PayoutBatch.endToEndId(items.get(0).payoutId()),
                PayoutBatch.endToEndId(items.get(1).payoutId()));

        byte[] other = files.write(exported(items));
        assertThat(texts(parse(other), "MsgId")).as("another batch, another message id").doesNotContainAnyElementsOf(texts(doc, "MsgId"));
    }

    @Test
    @DisplayName("a debtor without a BIC and a long name still gives a valid file (NOTPROVIDED, names cut to 70)")
    void debtorWithoutBic() throws Exception {
        SepaDebtor noBic = SepaDebtor.of("Cabinet " + "très ".repeat(30) + "long", "DE89 3704 0044 0532 0130 00", "");
        String longName = "Émilie " + "de la Fontaine-".repeat(8);
        byte[] file = new Pain001Files(noBic).write(exported(List.of(item(longName, "NL91 ABNA 0417 1643 00",
                Optional.empty(), "12.34"))));
        assertValid(file);
        Document doc = parse(file);
        assertThat(texts(doc, "Id")).contains("NOTPROVIDED");
        assertThat(texts(doc, "Nm")).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(70));
    }

    @Test
    @DisplayName("only the SEPA character set is left in names and remittance text")
    void sepaCharacterSet() {
        assertThat(SepaText.reduce("Ça coûte 5 € <chez> Zoë & Jörg ß", 140, "-")).isEqualTo("Ca coute 5 chez Zoe + Jorg ss");
        assertThat(SepaText.reduce("日本語", 70, "-")).isEqualTo("-");
        assertThat(SepaText.reduce("a".repeat(80), 70, "-")).hasSize(70);
        assertThat(SepaText.reduce("Ünïcödé ñ ç", 70, "-").chars().allMatch(c -> SepaText.allowed((char) c))).isTrue();
    }

    @Test
    @DisplayName("an open batch, an empty one or one in another currency makes no file; the debtor's settings are checked")
    void refusals() {
        Pain001Files files = new Pain001Files(OPERATOR);
        PayoutBatch open = PayoutBatch.open(new PayoutBatchId(UUID.randomUUID()), Optional.empty(), EUR, EXPORTED);
        assertThatThrownBy(() -> files.write(open)).hasMessageStartingWith("batch:");
        assertThatThrownBy(() -> files.write(exported(List.of()))).hasMessageStartingWith("batch:");
        assertThatThrownBy(() -> SepaDebtor.of("Rendezvous", "FR76 3000 6000 0112 3456 7890 188", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:");
        assertThatThrownBy(() -> SepaDebtor.of(" ", "FR76 3000 6000 0112 3456 7890 189", ""))
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> SepaDebtor.of("Rendezvous", "FR76 3000 6000 0112 3456 7890 189", "NOT A BIC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bic");
    }

    @Test
    @DisplayName("the bank-file gateway puts euro payouts to bank details in the batch and refuses the rest")
    void gatewayRoutesBankDetailsToTheFile() {
        Pain001PayoutGateway gateway = new Pain001PayoutGateway();
        PayoutDestination bank = new PayoutDestination.BankAccount(BankDetails.of("Anna Martin", "NL91 ABNA 0417 1643 00"));
        PayoutId id = new PayoutId(UUID.randomUUID());
        PractitionerId anna = new PractitionerId(UUID.randomUUID());
        assertThat(gateway.pay(new PayoutOrder(id, anna, Money.of("57.00", "EUR"), bank, "k", "d")))
                .isInstanceOf(PayoutResult.ToBankFile.class);
        assertThat(gateway.pay(new PayoutOrder(id, anna, Money.of("57.00", "CHF"), bank, "k", "d")))
                .isInstanceOf(PayoutResult.Refused.class);
        assertThat(gateway.pay(new PayoutOrder(id, anna, Money.of("57.00", "EUR"),
                new PayoutDestination.ProviderAccount("acct_1", true), "k", "d"))).isInstanceOf(PayoutResult.Refused.class);
    }
}
