package cn.healthrisk.claims.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OcrEnginesTest {

  @Test
  void unknownEngineNameListsTheValidOnes() {
    assertThatThrownBy(() -> OcrEngines.perThread("paddle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paddle")
        .hasMessageContaining("rapidocr")
        .hasMessageContaining("tesseract");
    assertThatThrownBy(() -> OcrEngines.create("abbyy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rapidocr, tesseract");
  }

  @Test
  void namesAreCaseInsensitiveAndDefaultToRapidOcr() {
    assertThat(OcrEngines.perThread(" Tesseract ").engineName()).isEqualTo("tesseract");
    assertThat(OcrEngines.perThread(null).engineName()).isEqualTo("rapidocr");
    assertThat(OcrEngines.DEFAULT).isEqualTo("rapidocr");
  }

  @Test
  void providerCreatesOneEnginePerThreadAndClosesThemAll() throws Exception {
    List<FakeOcrEngine> made = new ArrayList<>();
    OcrEngineProvider provider =
        new OcrEngineProvider(
            "fake",
            () -> {
              FakeOcrEngine engine = new FakeOcrEngine();
              synchronized (made) {
                made.add(engine);
              }
              return engine;
            });
    OcrEngine mine = provider.get();
    assertThat(provider.get()).isSameAs(mine);
    AtomicReference<OcrEngine> other = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                other.set(provider.get());
              } catch (OcrException e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    thread.join();
    assertThat(other.get()).isNotNull().isNotSameAs(mine);
    assertThat(provider.createdCount()).isEqualTo(2);

    provider.close();
    assertThat(made).hasSize(2).allMatch(FakeOcrEngine::isClosed);
  }

  @Test
  void closedProviderRefusesNewEngines() throws Exception {
    OcrEngineProvider provider = new OcrEngineProvider("fake", FakeOcrEngine::new);
    provider.close();
    assertThatThrownBy(provider::get).isInstanceOf(OcrException.class).hasMessageContaining("closed");
  }
}
