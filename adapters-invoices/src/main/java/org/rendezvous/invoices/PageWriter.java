package org.rendezvous.invoices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes text top-down on A4 pages, starting a new page when one is full; text the fonts cannot show
 * (an emoji in a description) is written with a replacement character rather than failing the invoice.
 */
final class PageWriter implements AutoCloseable {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();

    private final PDDocument document;
    final PDType0Font regular;
    final PDType0Font bold;
    private PDPageContentStream stream;
    private float y;

    PageWriter(PDDocument document, PDType0Font regular, PDType0Font bold) throws IOException {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
        newPage();
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void down(float points) throws IOException {
        ensure(points);
        y -= points;
    }

    /** Starts a new page unless {@code points} still fit above the bottom margin. */
    void ensure(float points) throws IOException {
        if (y - points < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = HEIGHT - MARGIN;
    }

    void text(String text, float x, float baseline, PDType0Font font, float size) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(showable(text, font));
        stream.endText();
    }

    void textRight(String text, float right, float baseline, PDType0Font font, float size) throws IOException {
        String shown = showable(text, font);
        text(shown, right - width(shown, font, size), baseline, font, size);
    }

    float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(showable(text, font)) / 1000 * size;
    }

    /** Splits text into lines no wider than {@code width}, on spaces where possible, keeping line breaks. */
    List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the column is cut where it must be.
                String rest = word;
                while (width(rest, font, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    void line(float x1, float y1, float x2, float y2) throws IOException {
        stream.setLineWidth(0.5f);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    /** Draws an image within a box of the given size, its proportions kept; answers the height it took. */
    float image(byte[] bytes, String name, float x, float top, float maxWidth, float maxHeight) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, bytes, name);
        float scale = Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight());
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        stream.drawImage(image, x, top - height, width, height);
        return height;
    }

    private static String showable(String text, PDType0Font font) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String character = new String(Character.toChars(cp));
            if (cp == '\t' || cp == '\u00a0' || cp == '\u202f') {
                shown.append(' ');
                return;
            }
            try {
                font.encode(character);
                shown.append(character);
            } catch (IOException | IllegalArgumentException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
