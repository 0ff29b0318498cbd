package io.turnaround.billing;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.turnaround.ticket.TicketKey;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * A statement as a one-document PDF (OpenPDF): the lines and the total, then every entry. People's text (client
 * names, notes) is only ever drawn as text, with control characters taken out.
 */
final class StatementPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font WARNING = new Font(Font.HELVETICA, 10, Font.BOLD, new Color(0xB0, 0x30, 0x00));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private StatementPdf() {
    }

    static byte[] write(MonthlyStatement s, ServiceLevels levels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle("Statement " + s.month());
        document.open();
        document.add(new Paragraph("Statement, " + StatementText.monthName(s.month()), TITLE));
        document.add(new Paragraph(safe(s.clientName()) + " · " + s.tier() + " plan · client " + s.clientId()
                + " · months in " + s.zone() + " · amounts in " + s.currency(), BODY));
        document.add(new Paragraph(" ", BODY));

        PdfPTable lines = table(new float[] {6, 1.4f}, "Line", "Amount");
        lines.addCell(cell(s.tier() + " plan, monthly price", BODY));
        lines.addCell(amount(StatementText.dollars(s.subscription()), BODY));
        lines.addCell(cell(StatementText.licensing(s), BODY));
        lines.addCell(amount(s.licensingFee() != null ? StatementText.dollars(s.licensingFee())
                : s.licensing() == MonthlyStatement.Licensing.INCLUDED ? "included" : "not agreed", BODY));
        lines.addCell(cell(StatementText.includedHours(s), BODY));
        lines.addCell(amount("", BODY));
        for (MonthlyStatement.KindLine line : s.hours()) {
            lines.addCell(cell(StatementText.kindLine(line), BODY));
            lines.addCell(amount(StatementText.dollars(line.amount()), BODY));
        }
        lines.addCell(cell("Total", BOLD));
        lines.addCell(amount(StatementText.dollars(s.total()), BOLD));
        document.add(lines);
        for (String warning : s.warnings()) {
            document.add(new Paragraph("Warning: " + safe(warning), WARNING));
        }

        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Service levels this month", BOLD));
        document.add(new Paragraph(StatementText.serviceLevels(levels), BODY));

        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Logged time, in the order it was worked", BOLD));
        PdfPTable entries = table(new float[] {2.2f, 1.6f, 1.6f, 4, 1, 1, 1, 1.3f},
                "Worked at", "Kind", "Ticket", "Note", "Time", "Included", "Billed", "Amount");
        for (PricedEntry p : s.entries()) {
            TimeEntry e = p.entry();
            entries.addCell(cell(DAY.format(e.workedAt().atZone(s.zone())), SMALL));
            entries.addCell(cell(e.kind().name(), SMALL));
            entries.addCell(cell(e.ticketId() == null ? "" : TicketKey.of(e.ticketId()), SMALL));
            entries.addCell(cell(safe(e.note() == null ? "" : e.note()) + " (" + safe(e.loggedBy()) + ")", SMALL));
            entries.addCell(amount(WorkDuration.hoursMinutes(e.work()), SMALL));
            entries.addCell(amount(WorkDuration.hoursMinutes(p.included()), SMALL));
            entries.addCell(amount(WorkDuration.hoursMinutes(p.billable()), SMALL));
            entries.addCell(amount(StatementText.dollars(p.amount()), SMALL));
        }
        if (s.entries().isEmpty()) {
            PdfPCell none = cell("No time logged this month.", SMALL);
            none.setColspan(8);
            entries.addCell(none);
        }
        document.add(entries);
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = cell(header, BOLD);
            cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    private static PdfPCell amount(String text, Font font) {
        PdfPCell cell = cell(text, font);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** Control characters would only garble the page; everything else is drawn as it was written. */
    static String safe(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
