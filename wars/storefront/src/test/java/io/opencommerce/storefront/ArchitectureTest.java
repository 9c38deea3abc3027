package io.opencommerce.storefront;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.opencommerce.kit.architecture.PlatformRules;

/** The platform's architecture rules (see {@link PlatformRules}), checked on this service. */
@AnalyzeClasses(
    packages = "io.opencommerce.storefront",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest static final ArchTests rules = ArchTests.in(PlatformRules.class);
}
