package cn.healthrisk.claims.application;

import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.StoredDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes policies and claims in: from the intake folder of the contract or from the REST upload.
 * Each policy and each claim is validated and stored in its own transaction, so one bad entry
 * never costs the others, and a claim is stored whole or not at all.
 */
@Service
public class ClaimIntakeService {
  private static final Logger log = LoggerFactory.getLogger(ClaimIntakeService.class);
  /** Hard cap at intake; the document reader applies its own, lower limits when processing. */
  public static final long MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;

  private final PolicyRepository policies;
  private final ClaimRepository claims;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String defaultInsurer;
  private final ObjectMapper json = ClaimsJson.mapper();

  /**
   * @param defaultInsurer the insurer (API client id) that policies imported from a folder belong to
   *     ({@code engine.intake.default-insurer}, {@code ENGINE_INTAKE_DEFAULT_INSURER})
   */
  @Autowired
  public ClaimIntakeService(PolicyRepository policies, ClaimRepository claims, TransactionTemplate tx, Clock clock,
      @Value("${engine.intake.default-insurer:demo}") String defaultInsurer) {
    this.policies = policies;
    this.claims = claims;
    this.tx = tx;
    this.clock = clock;
    this.defaultInsurer = defaultInsurer;
  }

  public ClaimIntakeService(PolicyRepository policies, ClaimRepository claims, TransactionTemplate tx, Clock clock) {
    this(policies, claims, tx, clock, "demo");
  }

  /** The insurer that folder imports are attributed to. */
  public String defaultInsurer() {
    return defaultInsurer;
  }

  /** Imports {@code policies.jsonl} and every {@code claims/<claimId>/claim.json} under the folder. */
  public ImportReport importFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IntakeException("INTAKE_FOLDER_NOT_FOUND", "Intake folder not found: " + dir);
    }
    List<ImportReport.Rejection> rejections = new ArrayList<>();
    int policiesImported = 0;
    Path policyFile = dir.resolve("policies.jsonl");
    if (Files.isRegularFile(policyFile)) {
      try (BufferedReader in = Files.newBufferedReader(policyFile, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          String source = "policies.jsonl:" + n;
          try {
            importPolicy(json.readValue(line, Policy.class));
            policiesImported++;
          } catch (JsonProcessingException e) {
            rejections.add(new ImportReport.Rejection(source, jsonErrorCode(e, "INVALID_POLICY"), describe(e)));
          } catch (IntakeException e) {
            rejections.add(new ImportReport.Rejection(source, e.code(), e.getMessage()));
          }
        }
      } catch (IOException e) {
        rejections.add(new ImportReport.Rejection("policies.jsonl", "UNREADABLE_FILE", e.getMessage()));
      }
    }
    int imported = 0;
    int already = 0;
    Path claimsDir = dir.resolve("claims");
    if (Files.isDirectory(claimsDir)) {
      List<Path> folders;
      try (Stream<Path> s = Files.list(claimsDir)) {
        folders = s.filter(Files::isDirectory).sorted().toList();
      } catch (IOException e) {
        throw new IntakeException("INTAKE_FOLDER_UNREADABLE", "Cannot list " + claimsDir + ": " + e.getMessage());
      }
      for (Path folder : folders) {
        String source = "claims/" + folder.getFileName() + "/claim.json";
        try {
          Claim claim = readClaim(folder.resolve("claim.json"));
          if (!folder.getFileName().toString().equals(claim.claimId())) {
            throw new IntakeException("CLAIM_ID_MISMATCH",
                "claimId '" + claim.claimId() + "' does not match its folder '" + folder.getFileName() + "'");
          }
          if (claims.exists(claim.claimId())) {
            already++;
            continue;
          }
          List<String> problems = IntakeValidator.claimProblems(claim);
          if (!problems.isEmpty()) {
            throw new IntakeException("INVALID_CLAIM", String.join("; ", problems));
          }
          Map<String, byte[]> docs = new LinkedHashMap<>();
          for (String name : claim.documents()) {
            docs.put(name, readDocument(folder, name));
          }
          importClaim(claim, docs);
          imported++;
        } catch (IntakeException e) {
          rejections.add(new ImportReport.Rejection(source, e.code(), e.getMessage()));
        }
      }
    }
    log.info("Intake {}: {} policies, {} claims imported, {} already imported, {} rejected", dir.getFileName(),
        policiesImported, imported, already, rejections.size());
    return new ImportReport(policiesImported, imported, already, rejections);
  }

  /** Validates and stores (or replaces) one policy of the default insurer. */
  public void importPolicy(Policy policy) {
    importPolicy(policy, defaultInsurer);
  }

  /**
   * Validates and stores (or replaces) one policy of the insurer {@code clientId}. A policy number that
   * belongs to another insurer is refused, so one insurer can never take over another's policy.
   */
  public void importPolicy(Policy policy, String clientId) {
    List<String> problems = IntakeValidator.policyProblems(policy);
    if (!problems.isEmpty()) {
      throw new IntakeException("INVALID_POLICY", String.join("; ", problems));
    }
    tx.executeWithoutResult(s -> {
      Optional<String> owner = policies.clientId(policy.policyNo());
      if (owner.isPresent() && !owner.get().equals(clientId)) {
        throw new IntakeException("POLICY_NUMBER_TAKEN", "Policy '" + policy.policyNo() + "' cannot be replaced");
      }
      policies.upsert(policy, now(), clientId);
    });
  }

  /**
   * As {@link #importClaim(Claim, Map)} for a claim sent by the insurer {@code clientId}: its policy must be
   * one of that insurer's (another insurer's policy is reported as unknown, revealing nothing).
   */
  public void importClaim(Claim claim, Map<String, byte[]> documents, String clientId) {
    if (claim != null && claim.policyNo() != null
        && !policies.clientId(claim.policyNo()).map(clientId::equals).orElse(true)) {
      throw new IntakeException("UNKNOWN_POLICY", "Policy '" + claim.policyNo() + "' is not known; import it first");
    }
    importClaim(claim, documents);
  }

  /**
   * Validates and stores one claim with its documents, all in one transaction.
   *
   * @throws IntakeException if the claim is invalid, its policy unknown, a document missing or
   *     too large, or the claim id already taken
   */
  public void importClaim(Claim claim, Map<String, byte[]> documents) {
    List<String> problems = IntakeValidator.claimProblems(claim);
    if (!problems.isEmpty()) {
      throw new IntakeException("INVALID_CLAIM", String.join("; ", problems));
    }
    for (String name : claim.documents()) {
      byte[] content = documents.get(name);
      if (content == null) {
        throw new IntakeException("MISSING_DOCUMENT", "Document '" + name + "' named in the claim was not supplied");
      }
      if (content.length > MAX_DOCUMENT_BYTES) {
        throw new IntakeException("DOCUMENT_TOO_LARGE",
            "Document '" + name + "' is " + content.length + " bytes; the limit is " + MAX_DOCUMENT_BYTES);
      }
    }
    for (String supplied : documents.keySet()) {
      if (!claim.documents().contains(supplied)) {
        throw new IntakeException("UNLISTED_DOCUMENT", "Document '" + supplied + "' is not listed in the claim");
      }
    }
    if (!policies.exists(claim.policyNo())) {
      throw new IntakeException("UNKNOWN_POLICY", "Policy '" + claim.policyNo() + "' is not known; import it first");
    }
    String claimJson;
    try {
      claimJson = json.writeValueAsString(claim);
    } catch (JsonProcessingException e) {
      throw new IntakeException("INVALID_CLAIM", describe(e));
    }
    tx.executeWithoutResult(s -> {
      if (claims.exists(claim.claimId())) {
        throw new IntakeException("DUPLICATE_CLAIM_ID", "Claim '" + claim.claimId() + "' was already imported");
      }
      List<StoredDocument> stored = new ArrayList<>();
      for (String name : claim.documents()) {
        byte[] content = documents.get(name);
        String hash = sha256(content);
        claims.storeContent(hash, content);
        stored.add(new StoredDocument(name, hash, content.length));
      }
      claims.insert(claim, claimJson, now(), stored);
    });
  }

  /** Parses a claim JSON, with a clear error when it is malformed. */
  public Claim parseClaim(byte[] content, String source) {
    try {
      return json.readValue(content, Claim.class);
    } catch (IOException e) {
      throw new IntakeException(jsonErrorCode(e, "INVALID_CLAIM"), source + ": " + describe(e));
    }
  }

  private Claim readClaim(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IntakeException("MISSING_CLAIM_JSON", "claim.json not found");
    }
    try {
      return parseClaim(Files.readAllBytes(file), "claim.json");
    } catch (IOException e) {
      throw new IntakeException("UNREADABLE_FILE", e.getMessage());
    }
  }

  private static byte[] readDocument(Path folder, String name) {
    Path file = folder.resolve(name).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      throw new IntakeException("MISSING_DOCUMENT", "Document '" + name + "' named in claim.json is not in the folder");
    }
    try {
      if (Files.size(file) > MAX_DOCUMENT_BYTES) {
        throw new IntakeException("DOCUMENT_TOO_LARGE",
            "Document '" + name + "' is " + Files.size(file) + " bytes; the limit is " + MAX_DOCUMENT_BYTES);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IntakeException("UNREADABLE_FILE", "Cannot read document '" + name + "': " + e.getMessage());
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A syntax error is malformed JSON; well-formed JSON of the wrong shape is an invalid entry. */
  static String jsonErrorCode(IOException e, String invalidCode) {
    return e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? invalidCode : "MALFORMED_JSON";
  }

  static String describe(IOException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        } else {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      return "field '" + path + "': " + m.getOriginalMessage();
    }
    if (e instanceof JsonProcessingException j) {
      String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column "
          + j.getLocation().getColumnNr();
      return "malformed JSON" + where + ": " + j.getOriginalMessage();
    }
    return e.getMessage();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
