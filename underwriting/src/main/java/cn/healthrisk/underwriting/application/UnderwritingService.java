package cn.healthrisk.underwriting.application;

import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.DuplicateIdempotencyKeyException;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import cn.healthrisk.underwriting.report.CheckupReportParser;
import cn.healthrisk.underwriting.report.DocumentReading;
import cn.healthrisk.underwriting.report.ReportDocumentReader;
import cn.healthrisk.underwriting.report.ReportLayout;
import cn.healthrisk.underwriting.report.ReportUnreadableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates, decides and records applications; a retried idempotency key gets the stored decision. The
 * checkup report documents an application names are read (text layer or OCR) and parsed before anything
 * is decided or stored, and the reading is stored with the decision as part of its input.
 */
@Service
public class UnderwritingService {

  private final UnderwritingEngine engine;
  private final ApplicationValidator validator;
  private final DecisionRepository repository;
  private final Supplier<ReportDocumentReader> reader;
  private final CheckupReportParser parser = new CheckupReportParser();
  private final ObjectMapper json = UnderwritingJson.mapper();

  /** Without a document reader: applications naming documents are answered with {@link DocumentReaderUnavailableException}. */
  public UnderwritingService(UnderwritingEngine engine, ApplicationValidator validator, DecisionRepository repository) {
    this(engine, validator, repository, (ReportDocumentReader) null);
  }

  /** With a document reader (may be null). */
  public UnderwritingService(UnderwritingEngine engine, ApplicationValidator validator, DecisionRepository repository,
      ReportDocumentReader reader) {
    this.engine = engine;
    this.validator = validator;
    this.repository = repository;
    this.reader = () -> reader;
  }

  /** As the application wires it: the reader, if any, is created the first time a document is read. */
  @Autowired
  public UnderwritingService(UnderwritingEngine engine, ApplicationValidator validator, DecisionRepository repository,
      ObjectProvider<ReportDocumentReader> readers) {
    this.engine = engine;
    this.validator = validator;
    this.repository = repository;
    this.reader = readers::getIfAvailable;
  }

  /**
   * Decides and stores an application for {@code clientId}. With an idempotency key already used by
   * this client for the same application, returns the decision stored then and stores nothing.
   *
   * <p>Deliberately not one transaction: the insert is atomic by itself, and a retry that lost the race
   * for the key must read the winner's committed row, which a repeatable-read snapshot taken by the
   * first lookup would hide.
   *
   * @throws ApplicationValidationException when the application breaks the contract
   * @throws IdempotencyKeyReusedException when the key was used for a different application
   */
  public Decision decide(Application application, String clientId, String idempotencyKey) {
    return issue(application, Map.of(), clientId, idempotencyKey).decision();
  }

  /** As {@link #decide(Application, String, String)}, with the content of each document the application names. */
  public Decision decide(Application application, Map<String, byte[]> documents, String clientId,
      String idempotencyKey) {
    return issue(application, documents, clientId, idempotencyKey).decision();
  }

  /**
   * As {@link #decide}, with the decision's JSON exactly as stored: callers answer with that text instead of
   * serialising the decision again, and a retry gets the very text first issued.
   */
  public StoredDecision issue(Application application, String clientId, String idempotencyKey) {
    return issue(application, Map.of(), clientId, idempotencyKey);
  }

  /**
   * Validates the application and its documents, reads each document, decides and stores the decision with
   * its input snapshot. {@code documents} maps each name listed in {@code application.documents} to the
   * document's bytes; a name without content, or content under a name the application does not list, is a
   * validation error. A retry with the same idempotency key is answered from the store when the application
   * and every document's SHA-256 are the same, without reading the documents again.
   *
   * @throws ApplicationValidationException when the application or a document is invalid (a corrupt or
   *     unsupported file is named by its path, e.g. {@code documents[0]})
   * @throws DocumentTooLargeException when a document is over a size, page, pixel or time limit
   * @throws DocumentReaderUnavailableException when documents cannot be read at the moment
   * @throws IdempotencyKeyReusedException when the key was used for a different application or documents
   */
  public StoredDecision issue(Application application, Map<String, byte[]> documents, String clientId,
      String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>(validator.validate(application));
    if (application != null) {
      errors.addAll(documentErrors(application, documents));
    }
    if (!errors.isEmpty()) {
      throw new ApplicationValidationException(errors);
    }
    List<Fingerprint> prints = fingerprints(application, documents);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
    if (key != null) {
      Optional<StoredDecision> earlier = repository.findByIdempotencyKey(clientId, key);
      if (earlier.isPresent()) {
        return sameInputOrThrow(earlier.get(), application, prints);
      }
    }
    List<DocumentReading> readings = read(application, documents, prints);
    Decision decision = engine.decide(application, readings);
    try {
      return repository.insert(application, readings, decision, clientId, key);
    } catch (DuplicateIdempotencyKeyException raced) {
      // A concurrent request with the same key stored first; answer as it did.
      StoredDecision winner = repository.findByIdempotencyKey(clientId, key).orElseThrow(() -> raced);
      return sameInputOrThrow(winner, application, prints);
    }
  }

  /** The largest document the reader accepts, in bytes, so a caller can refuse a larger file before loading it. */
  public long maxDocumentBytes() {
    ReportDocumentReader r = reader.get();
    return r == null ? Long.MAX_VALUE : r.maxBytes();
  }

  /** The latest decision issued to the client for the application. */
  @Transactional(readOnly = true)
  public Optional<Decision> find(String clientId, String applicationId) {
    return repository.findLatest(clientId, applicationId).map(StoredDecision::decision);
  }

  /** The latest decision's JSON exactly as it was issued. */
  @Transactional(readOnly = true)
  public Optional<String> findIssuedJson(String clientId, String applicationId) {
    return repository.findLatest(clientId, applicationId).map(StoredDecision::decisionJson);
  }

  /** Every listed document must come with content, and no content may come under a name not listed. */
  private static List<FieldError> documentErrors(Application application, Map<String, byte[]> documents) {
    List<FieldError> errors = new ArrayList<>();
    List<String> names = application.documents() == null ? List.of() : application.documents();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name != null && !name.isBlank() && !documents.containsKey(name)) {
        errors.add(new FieldError("documents[" + i + "]", "no file was given for document '" + name
            + "' (over REST: a multipart file part named '" + name + "')"));
      }
    }
    Set<String> unlisted = new TreeSet<>(documents.keySet());
    names.forEach(unlisted::remove);
    for (String name : unlisted) {
      errors.add(new FieldError("documents", "a file was given as '" + name
          + "', which the application does not list in documents"));
    }
    return errors;
  }

  /** A document as identified in the snapshot: name, size, content hash. */
  private record Fingerprint(String name, long size, String sha256) {}

  private static List<Fingerprint> fingerprints(Application application, Map<String, byte[]> documents) {
    List<Fingerprint> out = new ArrayList<>();
    for (String name : application.documents() == null ? List.<String>of() : application.documents()) {
      byte[] content = documents.get(name);
      out.add(new Fingerprint(name, content.length, sha256(content)));
    }
    return out;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Reads and parses every document, in the application's order. Every unreadable document is reported, not
   * only the first; nothing is decided or stored unless all are read.
   */
  private List<DocumentReading> read(Application application, Map<String, byte[]> documents,
      List<Fingerprint> prints) {
    if (prints.isEmpty()) {
      return List.of();
    }
    ReportDocumentReader reader = this.reader.get();
    if (reader == null) {
      throw new DocumentReaderUnavailableException("This engine has no document reader configured", null);
    }
    List<DocumentReading> out = new ArrayList<>();
    List<FieldError> invalid = new ArrayList<>();
    List<FieldError> tooLarge = new ArrayList<>();
    for (int i = 0; i < prints.size(); i++) {
      Fingerprint p = prints.get(i);
      String path = "documents[" + i + "]";
      if (p.size() > reader.maxBytes()) {
        tooLarge.add(new FieldError(path, "'" + p.name() + "' is " + p.size() + " bytes, over the limit of "
            + reader.maxBytes() + " bytes"));
        continue;
      }
      try {
        ReportLayout layout = reader.read(p.name(), documents.get(p.name()));
        out.add(DocumentReading.of(p.name(), p.size(), p.sha256(), layout, parser.parse(layout)));
      } catch (ReportUnreadableException e) {
        switch (e.problem()) {
          case INVALID -> invalid.add(new FieldError(path, "'" + p.name() + "' cannot be read: " + e.getMessage()));
          case TOO_LARGE -> tooLarge.add(new FieldError(path, "'" + p.name() + "' is over a limit: " + e.getMessage()));
          case UNAVAILABLE -> throw new DocumentReaderUnavailableException(
              "Documents cannot be read at the moment: " + e.getMessage(), e);
          default -> throw new IllegalStateException(e.problem().name(), e);
        }
      }
    }
    if (!invalid.isEmpty()) {
      invalid.addAll(tooLarge);
      throw new ApplicationValidationException(invalid);
    }
    if (!tooLarge.isEmpty()) {
      throw new DocumentTooLargeException(tooLarge);
    }
    return List.copyOf(out);
  }

  /**
   * The stored decision when it was made for this very input: the same application (both sides go through
   * the one mapper, so equal applications serialise to equal text) and documents with the same hashes.
   */
  private StoredDecision sameInputOrThrow(StoredDecision earlier, Application application, List<Fingerprint> prints) {
    try {
      if (!earlier.applicationJson().equals(json.writeValueAsString(application))) {
        throw new IdempotencyKeyReusedException();
      }
      List<DocumentReading> stored = repository.documents(earlier);
      if (stored.size() != prints.size()) {
        throw new IdempotencyKeyReusedException();
      }
      for (int i = 0; i < prints.size(); i++) {
        if (!stored.get(i).name().equals(prints.get(i).name()) || !stored.get(i).sha256().equals(prints.get(i).sha256())) {
          throw new IdempotencyKeyReusedException();
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the application or read the stored documents", e);
    }
    return earlier;
  }
}
