package org.rendezvous.payments.sepa;

import java.io.ByteArrayOutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payout.BatchItem;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.practitioner.Bic;

/**
 * A payout batch as a SEPA credit-transfer initiation, ISO 20022 {@code pain.001.001.03} (the version every bank of
 * the SEPA zone accepts), written with the JDK's StAX. One payment information block paid from the operator's
 * account ({@link SepaDebtor}), one transaction per payout:
 * <ul>
 *   <li>{@code MsgId} is the batch's id without dashes, {@code PmtInfId} the same with a {@code P} in front, and each
 *   {@code EndToEndId} the payout's {@link PayoutBatch#endToEndId}: unique, and the same at every download;</li>
 *   <li>{@code CreDtTm} and the requested execution date come from the batch's export, so a file downloaded again is
 *   the same file, byte for byte;</li>
 *   <li>amounts are {@link Money} written as decimals with 2 places ({@code NbOfTxs}, {@code CtrlSum} add them up);</li>
 *   <li>names and remittance text are reduced to the SEPA character set ({@link SepaText}), 70 and 140 characters.</li>
 * </ul>
 */
public final class Pain001Files {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    public static final String MEDIA_TYPE = "application/xml";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SepaDebtor debtor;

    public Pain001Files(SepaDebtor debtor) {
        this.debtor = Objects.requireNonNull(debtor, "debtor");
    }

    /** The file's name: {@code pain001-<cycle or on-request>-<batch id>.xml}. */
    public static String fileName(PayoutBatch batch) {
        return "pain001-" + batch.cycle().map(LocalDate::toString).orElse("on-request") + "-" + batch.id() + ".xml";
    }

    /** The batch's file, UTF-8. The batch must be exported (its content fixed) and hold at least one payout. */
    public byte[] write(PayoutBatch batch) {
        Instant exported = batch.exportedAt()
                .orElseThrow(() -> new IllegalArgumentException("batch: export it before writing its file"));
        if (batch.items().isEmpty()) {
            throw new IllegalArgumentException("batch: a bank file needs at least one payout");
        }
        if (!batch.currency().getCurrencyCode().equals("EUR")) {
            throw new IllegalArgumentException("batch: a SEPA credit transfer is in euros, not " + batch.currency());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");

            String count = Integer.toString(batch.items().size());
            String total = amount(batch.total());
            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", batch.id().value().toString().replace("-", ""));
            text(xml, "CreDtTm", DATE_TIME.format(exported.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", total);
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", debtor.name());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", "P" + batch.id().value().toString().replace("-", ""));
            text(xml, "PmtMtd", "TRF");
            text(xml, "BtchBookg", "true");
            text(xml, "NbOfTxs", count);
            text(xml, "CtrlSum", total);
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
            text(xml, "ReqdExctnDt", LocalDate.ofInstant(exported, ZoneOffset.UTC).toString());
            xml.writeStartElement("Dbtr");
            text(xml, "Nm", debtor.name());
            xml.writeEndElement();
            account(xml, "DbtrAcct", debtor.iban().value());
            xml.writeStartElement("DbtrAgt");
            xml.writeStartElement("FinInstnId");
            if (debtor.bic().isPresent()) {
                text(xml, "BIC", debtor.bic().get().value());
            } else {
                // SEPA without a BIC (IBAN only): the EPC's convention for "not provided".
                xml.writeStartElement("Othr");
                text(xml, "Id", "NOTPROVIDED");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            text(xml, "ChrgBr", "SLEV");
            for (BatchItem item : batch.items()) {
                transaction(xml, item);
            }
            xml.writeEndElement(); // PmtInf

            xml.writeEndElement(); // CstmrCdtTrfInitn
            xml.writeEndElement(); // Document
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the pain.001 file of batch " + batch.id() + " failed", e);
        }
        return out.toByteArray();
    }

    private static void transaction(XMLStreamWriter xml, BatchItem item) throws XMLStreamException {
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "EndToEndId", PayoutBatch.endToEndId(item.payoutId()));
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", item.amount().currency().getCurrencyCode());
        xml.writeCharacters(amount(item.amount()));
        xml.writeEndElement();
        xml.writeEndElement();
        if (item.creditor().bic().isPresent()) {
            xml.writeStartElement("CdtrAgt");
            xml.writeStartElement("FinInstnId");
            text(xml, "BIC", item.creditor().bic().map(Bic::value).orElseThrow());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeStartElement("Cdtr");
        text(xml, "Nm", SepaText.reduce(item.creditor().holder(), 70, "-"));
        xml.writeEndElement();
        account(xml, "CdtrAcct", item.creditor().iban().value());
        xml.writeStartElement("RmtInf");
        text(xml, "Ustrd", SepaText.reduce(item.remittance(), 140, "Rendezvous payout"));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** Money as the file writes it: a decimal with 2 places, never through a double. */
    static String amount(Money money) {
        return money.toDecimal().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** For tests and the operator's screen: the file as text. */
    public String writeAsText(PayoutBatch batch) {
        return new String(write(batch), StandardCharsets.UTF_8);
    }
}
