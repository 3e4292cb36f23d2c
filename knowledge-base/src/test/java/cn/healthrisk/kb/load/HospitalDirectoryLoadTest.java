package cn.healthrisk.kb.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hospital directory is validated at load: every bad entry is reported with its file and name. */
class HospitalDirectoryLoadTest {

  @Test
  void duplicateNamesAliasesBadGradesAndOwnershipAreProblems(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    Files.writeString(dir.resolve("hospitals.yaml"), """
        hospitals:
          - {name: 甲市第一医院, grade: 三级甲等, ownership: PUBLIC, aliases: [甲市一院]}
          - {name: 甲市第一医院, grade: 三级甲等, ownership: PUBLIC}
          - {name: 乙市医院, grade: 三级甲等, ownership: PUBLIC, aliases: [甲市一院（章）]}
          - {name: 丙市医院, grade: 四级, ownership: PUBLIC}
          - {name: 丁市医院, grade: 二级甲等, ownership: STATE}
          - {name: 戊市医院, grade: 二级乙等, ownership: PRIVATE, aliases: [医院]}
        """, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> KnowledgeBaseLoader.loadDirectory(dir))
        .isInstanceOf(KnowledgeBaseException.class)
        .satisfies(e -> assertThat(((KnowledgeBaseException) e).problems()).containsExactlyInAnyOrder(
            "hospitals.yaml: 甲市第一医院: name or alias '甲市第一医院' is already used by 甲市第一医院",
            "hospitals.yaml: 乙市医院: name or alias '甲市一院（章）' is already used by 甲市第一医院",
            "hospitals.yaml: 丙市医院: grade '四级' is not one of 一级/二级/三级, optionally followed by 甲等/乙等/丙等",
            "hospitals.yaml: 丁市医院: ownership 'STATE' must be PUBLIC or PRIVATE",
            "hospitals.yaml: 戊市医院: name or alias '医院' is too short to identify a hospital"));
  }

  @Test
  void aValidDirectoryLoads(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    Files.writeString(dir.resolve("hospitals.yaml"), """
        hospitals:
          - {name: 甲市第一医院, grade: 三级, ownership: PUBLIC, ineligibleDepartments: [特需部]}
          - {name: 乙市社区卫生服务中心, grade: 一级, ownership: PUBLIC}
        """, StandardCharsets.UTF_8);
    var hospitals = KnowledgeBaseLoader.loadDirectory(dir).hospitals();
    assertThat(hospitals.size()).isEqualTo(2);
    assertThat(hospitals.hospitals().get(0).gradeClass()).isNull();
    assertThat(hospitals.hospitals().get(0).ineligibleDepartments()).containsExactly("特需部");
  }

  private static void copyShipped(Path dir) throws IOException {
    List<String> files = new java.util.ArrayList<>(List.of("manifest.yaml"));
    try (var in = HospitalDirectoryLoadTest.class.getClassLoader().getResourceAsStream("kb/manifest.yaml")) {
      var manifest = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in);
      manifest.path("files").forEach(f -> files.add(f.asText()));
    }
    for (String f : files) {
      try (var in = HospitalDirectoryLoadTest.class.getClassLoader().getResourceAsStream("kb/" + f)) {
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }
}
