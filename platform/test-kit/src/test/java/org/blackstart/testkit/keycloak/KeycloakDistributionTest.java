package org.blackstart.testkit.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the kit finds Keycloak's zip: what the build says, else the local Maven repository. */
class KeycloakDistributionTest {

    private static final String VERSION = "26.5.6";

    @TempDir
    Path temp;

    @Test
    void takesTheFileTheBuildResolved() throws IOException {
        // given
        Path resolved = Files.createFile(temp.resolve("keycloak.zip"));

        // when
        Path archive = KeycloakDistribution.archive(resolved.toString(), null, temp.resolve("repository"), VERSION);

        // then
        assertThat(archive).isEqualTo(resolved);
    }

    @Test
    void looksInTheLocalRepositoryWhenTheBuildSaidNothing() throws IOException {
        // given
        Path defaultRepository = temp.resolve("m2");
        Path configuredRepository = temp.resolve("elsewhere");
        Path inDefault = zipIn(defaultRepository);
        Path inConfigured = zipIn(configuredRepository);

        // when / then: an IDE sets no property; a module without the dependency passes the unresolved expression
        assertThat(KeycloakDistribution.archive(null, null, defaultRepository, VERSION)).isEqualTo(inDefault);
        assertThat(KeycloakDistribution.archive("${org.keycloak:keycloak-quarkus-dist:zip}", "", defaultRepository, VERSION))
                .isEqualTo(inDefault);
        assertThat(KeycloakDistribution.archive(null, configuredRepository.toString(), defaultRepository, VERSION))
                .isEqualTo(inConfigured);
    }

    @Test
    void saysWhatToDeclareWhenTheZipIsNowhere() {
        assertThatThrownBy(() -> KeycloakDistribution.archive(null, null, temp, VERSION))
                .hasMessageContaining("org.keycloak:keycloak-quarkus-dist:" + VERSION)
                .hasMessageContaining("<type>zip</type>")
                .hasMessageContaining("maven-dependency-plugin");
        assertThatThrownBy(() -> KeycloakDistribution.archive(temp.resolve("gone.zip").toString(), null, temp, VERSION))
                .hasMessageContaining("-Dblackstart.test.keycloak-dist=" + temp.resolve("gone.zip") + " is not a file");
    }

    private static Path zipIn(Path repository) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION));
        return Files.createFile(folder.resolve("keycloak-quarkus-dist-" + VERSION + ".zip"));
    }
}
