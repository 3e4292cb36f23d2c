package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.ocr.OcrPage;
import cn.healthrisk.claims.ocr.TextBox;
import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Test-only tool that runs RapidOCR over an image and writes its boxes as a DocumentText JSON
 * fixture, so extractor tests run on real OCR output without OCR natives.
 * Usage: {@code OcrFixtureDump <image> <out.json>}.
 */
public final class OcrFixtureDump {

  private OcrFixtureDump() {}

  public static void main(String[] args) throws Exception {
    BufferedImage image = ImageIO.read(new File(args[0]));
    OcrResult result = InferenceEngine.getInstance(Model.ONNX_PPOCR_V4).runOcr(args[0]);
    List<TextBox> boxes = new ArrayList<>();
    for (TextBlock block : result.getTextBlocks()) {
      int minX = Integer.MAX_VALUE;
      int minY = Integer.MAX_VALUE;
      int maxX = Integer.MIN_VALUE;
      int maxY = Integer.MIN_VALUE;
      for (Point p : block.getBoxPoint()) {
        minX = Math.min(minX, p.getX());
        minY = Math.min(minY, p.getY());
        maxX = Math.max(maxX, p.getX());
        maxY = Math.max(maxY, p.getY());
      }
      float[] scores = block.getCharScores();
      double confidence = block.getBoxScore();
      if (scores != null && scores.length > 0) {
        double sum = 0;
        for (float s : scores) {
          sum += s;
        }
        confidence = sum / scores.length;
      }
      confidence = Math.round(confidence * 1000) / 1000.0;
      boxes.add(new TextBox(block.getText(), confidence, minX, minY, maxX - minX, maxY - minY));
    }
    DocumentText text = new DocumentText("image/png", DocumentText.Source.OCR, "rapidocr",
        List.of(new OcrPage(image.getWidth(), image.getHeight(), boxes)));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new File(args[1]), text);
  }
}
