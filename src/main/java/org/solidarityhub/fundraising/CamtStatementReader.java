package org.solidarityhub.fundraising;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 camt.053 bank statement (BkToCstmrStmt, versions 001.02 and later) with StAX, DTDs and
 * external entities off: a file with a DOCTYPE is refused before anything is resolved. Every booked credit entry
 * (Ntry with CdtDbtInd CRDT, not a reversal) is a payment: Amt and its Ccy, BookgDt (else ValDt), the bank's
 * reference (AcctSvcrRef, else NtryRef), the unstructured remittance text (RmtInf/Ustrd, else the creditor
 * reference, else AddtlNtryInf) and the debtor's name (RltdPties/Dbtr/Nm, or Dbtr/Pty/Nm from version 08 on).
 * A file cut off or not well-formed is refused whole, with the line where it breaks.
 */
final class CamtStatementReader {

    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.(\\d{2})");
    private static final int MAX_ENTRIES = CsvStatementReader.MAX_ROWS;
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");

    private CamtStatementReader() {
    }

    static ParsedStatement read(byte[] bytes) {
        String encoding = declaredEncoding(bytes);
        String text;
        try {
            text = Charset.forName(encoding).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.camt.encoding", encoding));
        } catch (IllegalArgumentException e) {
            return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.encoding.unknown"));
        }
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text, encoding);
    }

    /** The encoding of an XML document: its byte order mark, else its declaration, else UTF-8. */
    private static String declaredEncoding(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return "UTF-8";
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(start);
        return declared.lookingAt() ? declared.group(1) : "UTF-8";
    }

    private static ParsedStatement read(String document, String encoding) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(document));
            return new Reading(xml, encoding).statement();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNumber(), 0);
            return ParsedStatement.refused("CAMT053", encoding,
                    ImportProblem.file("fundraising.import.camt.malformed", String.valueOf(line)));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing to release for a reader over bytes
                }
            }
        }
    }

    /** One pass over the document. */
    private static final class Reading {
        private final XMLStreamReader xml;
        private final String encoding;
        private final Deque<String> path = new ArrayDeque<>();
        private final DuplicateKeys keys = new DuplicateKeys();
        private final List<StatementLine> lines = new ArrayList<>();
        private final List<ImportProblem> broken = new ArrayList<>();
        private final List<ImportProblem> remarks = new ArrayList<>();
        private int outgoing;
        private int entries;

        Reading(XMLStreamReader xml, String encoding) {
            this.xml = xml;
            this.encoding = encoding;
        }

        ParsedStatement statement() throws XMLStreamException {
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.camt.doctype"));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root && !isCamt053()) {
                        return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.camt.notCamt053"));
                    }
                    root = false;
                    path.addLast(xml.getLocalName());
                    if (path.size() == 2 && !"BkToCstmrStmt".equals(xml.getLocalName())) {
                        return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.camt.notCamt053"));
                    }
                    if (path.size() == 4 && "Ntry".equals(xml.getLocalName()) && "Stmt".equals(parent(1))) {
                        if (++entries > MAX_ENTRIES) {
                            return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file(
                                    "fundraising.import.file.tooManyRows", String.valueOf(MAX_ENTRIES)));
                        }
                        entry(xml.getLocation().getLineNumber());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.removeLast();
                }
            }
            if (root) {
                return ParsedStatement.refused("CAMT053", encoding, ImportProblem.file("fundraising.import.camt.notCamt053"));
            }
            return new ParsedStatement("CAMT053", encoding, lines, broken, remarks, outgoing);
        }

        private boolean isCamt053() {
            Matcher m = NAMESPACE.matcher(String.valueOf(xml.getNamespaceURI()));
            return "Document".equals(xml.getLocalName()) && m.matches() && Integer.parseInt(m.group(1)) >= 2;
        }

        private String parent(int up) {
            return path.stream().skip(path.size() - 1L - up).findFirst().orElse("");
        }

        /** Reads one Ntry up to its end tag: the texts by their path below Ntry ("Amt", "BookgDt/Dt", ...). */
        private void entry(int line) throws XMLStreamException {
            Map<String, List<String>> values = new HashMap<>();
            String currency = null;
            Deque<String> inner = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    inner.addLast(xml.getLocalName());
                    text.setLength(0);
                    if (inner.size() == 1 && "Amt".equals(xml.getLocalName())) {
                        currency = xml.getAttributeValue(null, "Ccy");
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (inner.isEmpty()) {
                        path.removeLast();
                        break;
                    }
                    values.computeIfAbsent(String.join("/", inner), k -> new ArrayList<>()).add(text.toString().strip());
                    text.setLength(0);
                    inner.removeLast();
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("entity reference");
                }
            }
            new Entry(line, values, currency).read(this);
        }
    }

    /** The values of one Ntry. */
    private record Entry(int line, Map<String, List<String>> values, String currencyAttribute) {

        void read(Reading into) {
            if (!"CRDT".equals(first("CdtDbtInd")) || "true".equalsIgnoreCase(first("RvslInd"))) {
                into.outgoing++;
                return;
            }
            String status = first("Sts/Cd", "Sts");
            if (!status.isEmpty() && !"BOOK".equals(status)) {
                into.outgoing++;
                return;
            }
            LocalDate date = date(first("BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm"));
            if (date == null) {
                into.broken.add(ImportProblem.at(line, "fundraising.import.date.bad"));
                return;
            }
            String amount = first("Amt");
            if (amount.isEmpty()) {
                into.broken.add(ImportProblem.at(line, "fundraising.import.amount.empty"));
                return;
            }
            String currency = LineAmounts.currency(currencyAttribute);
            if (currency == null) {
                into.broken.add(ImportProblem.at(line, currencyAttribute == null || currencyAttribute.isBlank()
                        ? "fundraising.import.currency.missing" : "fundraising.import.currency.unknown"));
                return;
            }
            if (!amount.matches("\\d+(\\.\\d+)?")) {
                into.broken.add(ImportProblem.at(line, "fundraising.import.amount.bad"));
                return;
            }
            LineAmounts.Result money = LineAmounts.money(amount, currency);
            if (!money.ok() || !money.money().isPositive()) {
                into.broken.add(money.ok() ? ImportProblem.at(line, "fundraising.import.amount.empty")
                        : ImportProblem.at(line, money.problemKey(), money.args()));
                return;
            }
            long minor = money.money().minor();
            String ustrd = String.join(" ", values.getOrDefault("NtryDtls/TxDtls/RmtInf/Ustrd", List.of()));
            ImportedText.Cleaned reference = ImportedText.clean(ustrd.isBlank()
                    ? first("NtryDtls/TxDtls/RmtInf/Strd/CdtrRefInf/Ref", "AddtlNtryInf") : ustrd);
            ImportedText.Cleaned debtor = ImportedText.clean(first("NtryDtls/TxDtls/RltdPties/Dbtr/Nm",
                    "NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm"));
            ImportedText.Cleaned bankId = ImportedText.clean(first("AcctSvcrRef", "NtryDtls/TxDtls/Refs/AcctSvcrRef", "NtryRef"));
            String key = into.keys.next(date, minor, currency, reference.text(), bankId.text());
            into.lines.add(new StatementLine(line, date, minor, currency, reference.text(), debtor.text(),
                    bankId.text(), key));
            if (reference.defused() || debtor.defused() || bankId.defused()) {
                into.remarks.add(ImportProblem.at(line, "fundraising.import.text.formulaDefused"));
            }
        }

        private String first(String... paths) {
            for (String p : paths) {
                List<String> found = values.get(p);
                if (found != null && !found.isEmpty() && !found.getFirst().isEmpty()) {
                    return found.getFirst();
                }
            }
            return "";
        }

        private static LocalDate date(String text) {
            try {
                return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
