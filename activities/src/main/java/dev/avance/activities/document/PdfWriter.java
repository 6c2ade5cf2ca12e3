package dev.avance.activities.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plain A4 document of headings, label-value lines, paragraphs and tables, in DejaVu Sans
 * (embedded, so accents render on every reader). The same content and the same seed give the same
 * bytes: the dates are the caller's and the trailer's /ID comes from the seed, where PDFBox would
 * write the time.
 */
final class PdfWriter implements AutoCloseable {
  private static final float MARGIN = 50;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final byte[] REGULAR = font("DejaVuSans.ttf");
  private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

  private final PDDocument document = new PDDocument();
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final String seed;
  private PDPageContentStream page;
  private float y;

  PdfWriter(String title, Instant createdAt, String seed) {
    this.seed = seed;
    try {
      regular = PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR), true);
      bold = PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Avance");
    info.setProducer("Avance");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(createdAt.toEpochMilli());
    info.setCreationDate(created);
    info.setModificationDate(created);
    newPage();
  }

  private static byte[] font(String name) {
    try (InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the classpath: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PdfWriter title(String text) {
    return write(bold, 16, text, 26);
  }

  PdfWriter heading(String text) {
    space(6);
    return write(bold, 11.5f, text, 18);
  }

  PdfWriter line(String text) {
    return write(regular, 9.5f, text, 13);
  }

  /** "Label: value" with the label in bold. */
  PdfWriter field(String label, String value) {
    ensure(13);
    try {
      page.beginText();
      page.setFont(bold, 9.5f);
      page.newLineAtOffset(MARGIN, y);
      page.showText(label);
      page.setFont(regular, 9.5f);
      page.newLineAtOffset(150, 0);
      page.showText(value == null ? "-" : value);
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 13;
    return this;
  }

  /** Wrapped to the page's width. */
  PdfWriter paragraph(String text) {
    for (String line : wrap(text, 9.5f)) {
      line(line);
    }
    return this;
  }

  /** A row of cells at the given x offsets (from the margin); numbers align right on their end. */
  PdfWriter row(boolean header, float[] offsets, String... cells) {
    ensure(13);
    try {
      for (int i = 0; i < cells.length; i++) {
        PDType0Font font = header ? bold : regular;
        String cell = cells[i] == null ? "" : cells[i];
        float x = MARGIN + offsets[i];
        if (offsets[i] < 0) {
          x = MARGIN - offsets[i] - width(font, 7.5f, cell);
        }
        page.beginText();
        page.setFont(font, 7.5f);
        page.newLineAtOffset(x, y);
        page.showText(cell);
        page.endText();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 12;
    return this;
  }

  PdfWriter space(float points) {
    y -= points;
    return this;
  }

  byte[] toBytes() {
    try {
      page.close();
      byte[] id = sha256(seed);
      COSArray ids = new COSArray();
      ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
      ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
      document.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PdfWriter write(PDType0Font font, float size, String text, float leading) {
    ensure(leading);
    try {
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(MARGIN, y);
      page.showText(text);
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= leading;
    return this;
  }

  private void ensure(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (page != null) {
        page.close();
      }
      PDPage next = new PDPage(PDRectangle.A4);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(String text, float size) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = current.length() == 0 ? word : current + " " + word;
      if (width(regular, size, candidate) > WIDTH && current.length() > 0) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(candidate);
      }
    }
    if (current.length() > 0) {
      lines.add(current.toString());
    }
    return lines;
  }

  private static float width(PDType0Font font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
