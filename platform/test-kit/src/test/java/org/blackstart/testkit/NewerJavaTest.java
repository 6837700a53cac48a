package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a Java 21+ for Keycloak and Elasticsearch among fake JDK folders: no real JDK is looked at. */
class NewerJavaTest {

    @TempDir
    Path temp;

    private Path jvm;
    private Path jdk17;
    private Path jdk21;
    private Path jdk25;
    private Path current17;

    @BeforeEach
    void jdkFolders() throws IOException {
        jvm = Files.createDirectories(temp.resolve("jvm"));
        jdk17 = jdk(jvm.resolve("java-17-openjdk-amd64"), "17.0.15");
        jdk21 = jdk(jvm.resolve("temurin-21-jdk-amd64"), "21.0.9");
        jdk25 = jdk(jvm.resolve("temurin-25-jdk-amd64"), "25.0.3");
        current17 = jdk(temp.resolve("current"), "17.0.15");
    }

    @Test
    void takesTheNewestJdkOfTheMachineWhenNothingIsConfigured() {
        // when
        Path found = NewerJava.find("Keycloak", null, Map.of(), current17, 17, List.of(temp.resolve("absent"), jvm));

        // then
        assertThat(found).isEqualTo(jdk25);
    }

    @Test
    void prefersTheConfiguredHomeThenTheEnvironmentThenJavaHomeThenTheRunningJvm() throws IOException {
        Path current21 = jdk(temp.resolve("current21"), "21.0.2");

        assertThat(NewerJava.find("Keycloak", jdk21.toString(), Map.of(NewerJava.ENVIRONMENT, jdk25.toString()), current21, 21,
                List.of(jvm))).isEqualTo(jdk21);
        assertThat(NewerJava.find("Keycloak", " ", Map.of(NewerJava.ENVIRONMENT, jdk21.toString(), "JAVA_HOME", jdk25.toString()),
                current21, 21, List.of(jvm))).isEqualTo(jdk21);
        assertThat(NewerJava.find("Keycloak", null, Map.of("JAVA_HOME", jdk21.toString()), current21, 21, List.of(jvm)))
                .isEqualTo(jdk21);
        assertThat(NewerJava.find("Keycloak", null, Map.of("JAVA_HOME", jdk17.toString()), current21, 21, List.of(jvm)))
                .isEqualTo(current21);
        assertThat(NewerJava.find("Keycloak", null, Map.of("JAVA_HOME", jdk17.toString()), current17, 17, List.of(jvm)))
                .isEqualTo(jdk25);
    }

    @Test
    void aConfiguredHomeThatIsNoJava21IsAMistakeToReportNotToWorkAround() {
        assertThatThrownBy(() -> NewerJava.find("Keycloak", jdk17.toString(), Map.of(), current17, 17, List.of(jvm)))
                .hasMessageContaining("-Dblackstart.test.java21-home=" + jdk17)
                .hasMessageContaining("Java 17");
        assertThatThrownBy(() -> NewerJava.find("Keycloak", null, Map.of(NewerJava.ENVIRONMENT, temp.resolve("nope").toString()),
                current17, 17, List.of(jvm)))
                .hasMessageContaining("BLACKSTART_JAVA21_HOME=")
                .hasMessageContaining("no such folder");
    }

    @Test
    void withoutAnyJava21SaysWhatItSawWhatToInstallAndWhatToSet() throws IOException {
        // given
        Path old = Files.createDirectories(temp.resolve("old"));
        jdk(old.resolve("java-11"), "11.0.2");
        jdk(old.resolve("java-8"), "1.8.0_402");
        Files.createDirectories(old.resolve("no-java-here"));

        // when / then
        assertThatThrownBy(() -> NewerJava.find("Elasticsearch", null, Map.of("JAVA_HOME", jdk17.toString()), current17, 17,
                List.of(old)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Elasticsearch needs Java 21 or newer")
                .hasMessageContaining("JAVA_HOME=" + jdk17 + " (Java 17)")
                .hasMessageContaining(old.resolve("java-8") + " (Java 8)")
                .hasMessageContaining(old.resolve("no-java-here") + " (no bin/java)")
                .hasMessageContaining("Install a JDK 21 or newer")
                .hasMessageContaining("-Dblackstart.test.java21-home=")
                .hasMessageContaining("BLACKSTART_JAVA21_HOME");
    }

    @Test
    void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertThat(NewerJava.feature(jdk21)).hasValue(21);
        assertThat(NewerJava.feature(jdk(temp.resolve("eight"), "1.8.0_402"))).hasValue(8);
        assertThat(NewerJava.feature(jdk(temp.resolve("plain"), "22"))).hasValue(22);
        assertThat(NewerJava.feature(temp.resolve("absent"))).isEmpty();
    }

    private static Path jdk(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        return home;
    }
}
