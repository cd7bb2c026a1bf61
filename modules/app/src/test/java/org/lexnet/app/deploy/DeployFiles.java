package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/} as the tests read them: found from the working directory up, YAML read
 * with SnakeYAML (which resolves anchors and {@code <<} merge keys as Compose and kubectl do) into
 * Jackson trees.
 */
final class DeployFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isDirectory(dir.resolve("modules"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/ directory above " + Path.of("").toAbsolutePath());
    }

    static Path deploy(String relative) {
        return repositoryRoot().resolve("deploy").resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, empty documents left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    static JsonNode yamlText(String text) {
        return JSON.valueToTree(yaml().load(text));
    }

    /** The YAML files of deploy/k8s, in name order. */
    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.list(deploy("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream testResource(String name) {
        return Objects.requireNonNull(DeployFiles.class.getResourceAsStream("/deploy/" + name), name);
    }

    static String testResourceText(String name) {
        try (InputStream in = testResource(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        // a key given twice is a mistake kubectl and Compose refuse too
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }
}
