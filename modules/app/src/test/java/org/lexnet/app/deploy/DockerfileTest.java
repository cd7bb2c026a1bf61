package org.lexnet.app.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/Dockerfile: built in one stage on a JDK 17, run in another on a JRE 17 as a user that is not root. */
class DockerfileTest {

    @Test
    void buildsWithTheMavenWrapperOnAJdkAndRunsOnAJre() {
        Dockerfile dockerfile = Dockerfile.read();
        assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
        Dockerfile.Stage build = dockerfile.stages().get(0);
        assertThat(build.base()).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(build.name()).isEqualTo("build");
        assertThat(build.all("RUN")).anySatisfy(run -> assertThat(run.arguments()).contains("./mvnw -B package -DskipTests"));

        Dockerfile.Stage runtime = dockerfile.runtime();
        assertThat(runtime.base()).isEqualTo("eclipse-temurin:17-jre");
        assertThat(runtime.all("COPY")).anySatisfy(copy -> assertThat(copy.arguments())
                .startsWith("--from=" + build.name() + " ").contains("modules/app/target/lexnet-app.jar"));
        String entrypoint = runtime.last("ENTRYPOINT").orElseThrow().arguments();
        assertThat(entrypoint).contains("\"-jar\"", "lexnet-app.jar", "-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void runsAsAUserThatIsNotRoot() {
        String user = Dockerfile.read().runtime().last("USER").orElseThrow().arguments().strip();
        String name = user.split(":")[0];
        assertThat(name).isNotIn("root", "0", "");
        if (name.chars().allMatch(Character::isDigit)) {
            assertThat(Integer.parseInt(name)).isPositive();
        }
    }

    @Test
    void checksLivenessAndKeepsItsDataInAVolume() {
        Dockerfile.Stage runtime = Dockerfile.read().runtime();
        String healthcheck = runtime.last("HEALTHCHECK").orElseThrow().arguments();
        assertThat(healthcheck).contains("CMD").contains("/actuator/health/liveness");
        assertThat(runtime.all("VOLUME")).singleElement().satisfies(v -> assertThat(v.arguments()).contains("\"/data\""));
        assertThat(runtime.all("ENV")).anySatisfy(env -> assertThat(env.arguments()).isEqualTo("LEXNET_DATA_DIR=/data"));
        assertThat(runtime.all("EXPOSE")).singleElement().satisfies(e -> assertThat(e.arguments()).isEqualTo("8080"));
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalData() {
        List<String> ignored = DeployFiles.read(DeployFiles.repositoryRoot().resolve(".dockerignore")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignored).contains("**/target", ".git", "data", "deploy/.env");
    }
}
