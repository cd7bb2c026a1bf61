package org.lexnet.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries, checked on the compiled code: core-api ← command, query, matching ← app.
 * command, query and matching talk through messages only; core-api is plain records (no Spring, no
 * JPA); matching.model is pure Java (no Spring, no Axon).
 */
class ArchitectureTest {

    private static JavaClasses lexnet;

    @BeforeAll
    static void importClasses() {
        lexnet = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lexnet");
    }

    @Test
    void coreApiDependsOnNoOtherModuleAndNoFramework() {
        classes().that().resideInAPackage("org.lexnet.coreapi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.lexnet.coreapi..", "java..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization",
                        "com.fasterxml.jackson.annotation")
                .check(lexnet);
    }

    @Test
    void commandDoesNotKnowQueryMatchingOrApp() {
        noClasses().that().resideInAPackage("org.lexnet.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lexnet.query..", "org.lexnet.matching..",
                        "org.lexnet.app..")
                .check(lexnet);
    }

    @Test
    void queryDoesNotKnowCommandMatchingOrApp() {
        noClasses().that().resideInAPackage("org.lexnet.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lexnet.command..", "org.lexnet.matching..",
                        "org.lexnet.app..")
                .check(lexnet);
    }

    @Test
    void matchingDoesNotKnowCommandQueryOrApp() {
        noClasses().that().resideInAPackage("org.lexnet.matching..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lexnet.command..", "org.lexnet.query..",
                        "org.lexnet.app..")
                .allowEmptyShould(true)
                .check(lexnet);
    }

    @Test
    void matchingModelIsPureJava() {
        noClasses().that().resideInAPackage("org.lexnet.matching.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..")
                .allowEmptyShould(true)
                .check(lexnet);
    }

    /**
     * A controller turns HTTP into a call and a result into a view; SQL belongs to a reader or a store
     * beside it, and who may see what to a disclosure, where both can be read and tested on their own.
     */
    @Test
    void noControllerRunsSql() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .check(lexnet);
    }

    @Test
    void noModuleUsesJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(lexnet);
    }
}
