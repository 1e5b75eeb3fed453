package org.emrqc.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule-pack administration in Debian's Chromium (Playwright, as ReviewInBrowserIT): as admin, make a draft of the
 * core pack; a stricter CN-GD admission-record limit (24 → 8 h) is refused at publishing because a CN-GD fixture
 * fails (the problem is shown with its file and line) and is reset; a hospital region CN-GD-H001 under CN-GD gets the
 * 8 h limit instead; validate, shadow run (the finding it adds on the stored sample), publish, diff, activate; the
 * effective rule shows 8 h set by CN-GD-H001 (24 h from the pack before); the sample record, re-submitted, shows the
 * new finding with the parameter and its origin; roll back; rule quality. Screenshots: target/screenshots/admin-*.png.
 * Its own database (it changes the version in force).
 */
@QuarkusTest
@TestProfile(PackAdminInBrowserIT.Fresh.class)
class PackAdminInBrowserIT {
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() { return List.of(new TestResourceEntry(PostgresTestDatabase.class)); }
    }

    static final Path SHOTS = Chromium.SHOTS;
    static final String RULE = "TIM-ADM-24H";
    static final String HOSPITAL = "CN-GD-H001";
    /** validation compiles every region and runs the fixtures: allow it time */
    static final double SLOW = 180_000;

    static Chromium chromium;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void browser() throws IOException {
        chromium = Chromium.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void close() {
        if (chromium != null) chromium.close();
    }

    static String submitSample() {
        return Api.as("admin").contentType("application/json").body(Api.sample(Api.COMPLETE, "ui-pack-sample"))
                .post("/api/v1/records?region=" + HOSPITAL).then().statusCode(201).extract().path("records[0].recordId");
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("admin-" + name + ".png")).setFullPage(false));
    }

    static Locator rule(Page page, String id) { return page.locator("[data-testid='rule-row'][data-rule='" + id + "']"); }

    static Locator param(Page page, String ruleId, String name) {
        return rule(page, ruleId).locator("[data-testid='rule-param'][data-param='" + name + "']");
    }

    static Locator versionRow(Page page, String version) {
        return page.locator("[data-testid='pack-version-row'][data-version='" + version + "']");
    }

    void editParam(Page page, String ruleId, String name, String value) {
        rule(page, ruleId).getByTestId("rule-edit").click();
        Locator editor = page.locator("[data-testid='rule-editor'][data-editor='" + ruleId + "']");
        editor.getByTestId("edit-param-" + name).fill(value);
        editor.getByTestId("edit-save").click();
    }

    @Test
    void editPublishActivateSeeTheFindingAndRollBack() {
        String recordId = submitSample();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(base.toString());
        ReviewInBrowserIT.login(page, "admin", Api.ADMIN_PASSWORD);

        // the packs: the shipped core pack is published and in force
        page.getByTestId("nav-packs").click();
        assertThat(page.getByTestId("packs-serving")).containsText("core@2026.11.0");
        assertThat(versionRow(page, "2026.11.0")).hasAttribute("data-active", "true");
        assertThat(versionRow(page, "2026.11.0").getByTestId("version-status")).hasText("已发布");
        shot(page, "01-packs");

        // a draft made from it
        versionRow(page, "2026.11.0").getByTestId("draft-create").click();
        assertThat(page.getByTestId("version-summary")).hasAttribute("data-status", "draft");
        assertThat(page.getByTestId("rules-table")).hasAttribute("data-region", "CN-GD");
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("24");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText("pack");

        // a stricter Guangdong limit breaks a Guangdong fixture: publishing is refused with the problem, file and line
        editParam(page, RULE, "limitHours", "8");
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("8");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText("CN-GD");
        page.getByTestId("publish").click();
        Locator refused = page.getByTestId("publish-refused");
        assertThat(refused).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW));
        assertThat(refused.getByTestId("problem").first()).containsText("fixtures/untimely.yaml:22");
        assertThat(refused.getByTestId("problem").first()).containsText(RULE + " is silent on");
        assertThat(refused.getByTestId("problem").first()).hasAttribute("data-stage", "fixtures");
        shot(page, "02-publish-refused");
        assertThat(page.getByTestId("version-summary")).hasAttribute("data-status", "draft");
        // back to what Guangdong inherits
        rule(page, RULE).getByTestId("rule-edit").click();
        page.getByTestId("edit-reset-params.limitHours").click();
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("24");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText("pack");

        // a hospital under Guangdong with the 8 h limit
        page.getByTestId("region-add").locator("summary").click();
        page.getByTestId("region-code").fill(HOSPITAL);
        assertThat(page.getByTestId("region-parent")).hasValue("CN-GD");
        page.getByTestId("region-name-zh").fill("示例医院");
        page.getByTestId("region-name-en").fill("Example hospital");
        page.getByTestId("region-submit").click();
        assertThat(page.getByTestId("rules-table")).hasAttribute("data-region", HOSPITAL);
        assertThat(page.getByTestId("region-chain")).containsText(HOSPITAL + " → CN-GD → CN → base");
        editParam(page, RULE, "limitHours", "8");
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("8");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText(HOSPITAL);
        assertThat(rule(page, RULE).locator("td").nth(5).getByTestId("origin")).hasText("CN-GD"); // veto still from Guangdong
        rule(page, RULE).scrollIntoViewIfNeeded();
        shot(page, "03-edited");

        // validate, then a shadow run on the stored sample: the draft adds the finding
        page.getByTestId("validate").click();
        assertThat(page.getByTestId("validation-report")).hasAttribute("data-ok", "true", new LocatorAssertions.HasAttributeOptions().setTimeout(SLOW));
        page.getByTestId("shadow-run").click();
        Locator shadowRule = page.locator("[data-testid='shadow-rule'][data-rule='" + RULE + "']");
        assertThat(shadowRule.getByTestId("shadow-added")).hasText("+1", new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
        assertThat(shadowRule.getByTestId("shadow-added-example")).containsText(recordId);
        page.getByTestId("shadow-report").scrollIntoViewIfNeeded();
        shot(page, "04-shadow");

        // publish (validated again), diff from 2026.11.0, activate
        page.getByTestId("publish").click();
        assertThat(page.getByTestId("version-summary")).hasAttribute("data-status", "published", new LocatorAssertions.HasAttributeOptions().setTimeout(SLOW));
        page.getByTestId("diff-show").click();
        Locator change = page.locator("[data-testid='diff-setting'][data-rule='" + RULE + "'][data-setting='params.limitHours']");
        assertThat(change).containsText("24 → 8");
        assertThat(change).containsText(HOSPITAL);
        page.getByTestId("diff").scrollIntoViewIfNeeded();
        shot(page, "05-diff");
        page.getByTestId("activate").click();
        assertThat(page.getByTestId("version-summary")).hasAttribute("data-active", "true");

        // the effective rule of the hospital: 8 h set by CN-GD-H001 in 2026.11.1, 24 h from the pack in 2026.11.0
        page.getByTestId("region-select").selectOption(HOSPITAL);
        assertThat(page.getByTestId("rules-table")).hasAttribute("data-region", HOSPITAL);
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("8");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText(HOSPITAL);
        shot(page, "06-active-effective-rule");
        page.navigate(base + "#/packs/core/2026.11.0?region=" + HOSPITAL);
        assertThat(page.getByTestId("region-chain")).containsText("CN-GD → CN → base");
        assertThat(param(page, RULE, "limitHours").getByTestId("rule-param-value")).hasText("24");
        assertThat(param(page, RULE, "limitHours").getByTestId("origin")).hasText("pack");

        // the sample record, submitted again, has the finding of the new limit, with the parameter and its origin
        assertTrue(recordId.equals(submitSample()), "the same bundle id is the same record");
        page.navigate(base + "#/records/" + recordId);
        Locator finding = page.locator("[data-testid='finding'][data-rule-id='" + RULE + "']");
        assertThat(finding).isVisible();
        assertThat(finding.getByTestId("finding-detail")).containsText("8");
        assertThat(finding.getByTestId("finding-parameters")).containsText(HOSPITAL);
        assertThat(finding.getByTestId("finding-parameters")).containsText("limitHours");
        finding.scrollIntoViewIfNeeded();
        shot(page, "07-finding");

        // roll back: 2026.11.0 in force again
        page.navigate(base + "#/packs");
        assertThat(versionRow(page, "2026.11.1")).hasAttribute("data-active", "true");
        versionRow(page, "2026.11.0").getByTestId("version-activate").click();
        assertThat(versionRow(page, "2026.11.0")).hasAttribute("data-active", "true");
        assertThat(page.getByTestId("packs-serving")).containsText("core@2026.11.0");
        shot(page, "08-rolled-back");
        String after = Api.as("admin").contentType("application/json").body(Api.sample(Api.COMPLETE, "ui-pack-qc"))
                .post("/api/v1/records/$qc?region=" + HOSPITAL).then().statusCode(200).extract().asString();
        assertTrue(!after.contains(RULE), "rolled back: no finding at 24 h");

        // rule quality
        page.getByTestId("quality-link").click();
        assertThat(page.getByTestId("quality-table")).isVisible();
        assertThat(page.locator("[data-testid='quality-row'][data-rule='" + RULE + "']")).isVisible();
        shot(page, "09-rule-quality");

        context.close();
        assertTrue(pageErrors.isEmpty(), "JavaScript errors in the page: " + pageErrors);
        assertTrue(Pattern.matches("r[0-9a-f]{20}", recordId));
    }
}
