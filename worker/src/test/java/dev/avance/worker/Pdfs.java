package dev.avance.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader would copy it, with no-break spaces as plain ones. */
final class Pdfs {
  private Pdfs() {}

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
