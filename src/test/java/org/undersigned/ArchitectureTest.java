package org.undersigned;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout's rules, checked on the compiled classes. {@code common} serves every feature and
 * knows none. A letter and its webhooks come before the endorsements that sign it: {@code letter}
 * and {@code webhook} do not reach up into {@code endorsement}: what a letter needs to know of its
 * signatures it asks through a port of its own ({@code letter.Signatures}), and the bundled
 * letter's seed, which writes endorsements, lives beside the import it is.
 */
@AnalyzeClasses(packages = "org.undersigned", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule commonKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("org.undersigned.common..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.undersigned.letter..",
              "org.undersigned.endorsement..",
              "org.undersigned.moderation..",
              "org.undersigned.mail..",
              "org.undersigned.tlog..",
              "org.undersigned.webhook..",
              "org.undersigned.widget..",
              "org.undersigned.partner..");

  @ArchTest
  static final ArchRule letterDoesNotReachUpIntoEndorsement =
      noClasses()
          .that()
          .resideInAPackage("org.undersigned.letter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.undersigned.endorsement..");

  @ArchTest
  static final ArchRule webhookDoesNotReachUpIntoEndorsement =
      noClasses()
          .that()
          .resideInAPackage("org.undersigned.webhook..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.undersigned.endorsement..");

  /** Services know nothing of HTTP: a resource hands them a command (NewSignature, say). */
  @ArchTest
  static final ArchRule servicesDoNotDependOnResources =
      noClasses()
          .that()
          .resideInAPackage("org.undersigned..service..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.undersigned..rest..");
}
