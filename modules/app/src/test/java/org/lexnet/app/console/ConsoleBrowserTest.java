package org.lexnet.app.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.app.support.RepositoryFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real browser against the whole application: two headless Chromium sessions (a
 * mentee, and in the second one the programme team and the mentor), axe-core's WCAG rules on every page.
 * Writes the README's screenshots to docs/images.
 */
class ConsoleBrowserTest extends IntegrationTest {

    /**
     * The area the pairing's mentee and mentor share, and the request requires. No other test in this
     * context uses it, so the match round can propose only this test's mentor for this request.
     */
    private static final String SHARED_AREA = "LONG_TERM_HEALTH_CONDITION";
    private static final String MATCHING_AUDIENCE = "The matcher may use it to find you a mentor; nobody sees it.";

    /** Where the README's screenshots are kept (committed). */
    private static final Path IMAGES = RepositoryFiles.locate("README.md").getParent().resolve("docs/images");

    private static ConsoleBrowser mentee;
    private static ConsoleBrowser second;

    private People people;

    /** On a failure, what each browser showed: the page's text and its console's messages. */
    @RegisterExtension
    final TestWatcher pages = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (ConsoleBrowser browser : new ConsoleBrowser[] {mentee, second}) {
                if (browser != null) {
                    System.err.println(browser.describe());
                }
            }
        }
    };

    @BeforeAll
    static void browsersInstalled() {
        ConsoleBrowser.requireInstalled();
    }

    @BeforeEach
    void browsers() {
        people = new People(api);
        if (mentee == null) {
            mentee = ConsoleBrowser.start(port);
            second = ConsoleBrowser.start(port);
        }
    }

    @AfterAll
    static void closeBrowsers() {
        if (mentee != null) {
            mentee.close();
            second.close();
            mentee = null;
            second = null;
        }
    }

    @Test
    void aNewMemberRegistersSignsOutAndSignsInAgain() {
        ConsoleBrowser browser = second;
        browser.open("/");
        browser.awaitHeading("Sign in");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.assertAccessible("the sign-in page");

        browser.click(By.linkText("Create an account"));
        browser.awaitHeading("Create an account");
        browser.assertAccessible("the registration page");
        String email = "console-" + UUID.randomUUID() + "@example.org";
        browser.type(By.name("displayName"), "Noor");
        browser.type(By.name("email"), email);
        browser.type(By.name("password"), "short");
        browser.click(By.cssSelector("main button[type=submit]"));
        // the server's refusal is shown in words, and announced
        assertThat(browser.text(By.cssSelector("main [role=alert]"))).contains("password");

        browser.type(By.name("password"), "correct horse battery staple");
        browser.click(By.cssSelector("main button[type=submit]"));
        browser.awaitHeading("Welcome, Noor");
        browser.assertAccessible("a new member's home");

        browser.signOut();
        browser.type(By.name("email"), email);
        browser.type(By.name("password"), "not the password at all");
        browser.click(By.cssSelector("main button[type=submit]"));
        assertThat(browser.text(By.cssSelector("main [role=alert]"))).isNotBlank();

        // and with the keyboard only: Tab to each field, Enter to send
        browser.open("/");
        browser.awaitHeading("Sign in");
        browser.tabTo(By.name("email"), 10).sendKeys(email);
        browser.tabTo(By.name("password"), 3).sendKeys("correct horse battery staple", Keys.ENTER);
        browser.awaitHeading("Welcome, Noor");
        browser.signOut();
    }

    @Test
    void aMenteeIsProposedAMentorWhoAcceptsAndTheProgrammeTeamAuditsThePairing() {
        Api.Member mentor = people.member("Theo Console", "SENIOR", true, Map.of(SHARED_AREA, "MENTORS"));
        assertThat(api.put("/api/v1/members/me/profile", mentor.token(), Map.of("displayName", "Theo Console",
                "region", "LONDON", "remote", true, "stage", "SENIOR", "sectors", List.of("CHARITY"),
                "strengths", List.of("FUNDRAISING_AND_FINANCE"), "visibleInNetwork", true)).status()).isEqualTo(200);
        people.offer(mentor, 2, true);
        Api.Member mina = people.member("Mina Console", "EMERGING", true, Map.of(SHARED_AREA, "PRIVATE"));
        awaitVersion(mina, 2);

        // the mentee signs in and lets the matcher use the area: the page says who can see it now
        mentee.signIn(mina.email(), mina.password());
        mentee.assertAccessible("the member's home");
        By areaRow = By.cssSelector("tr[data-area='" + SHARED_AREA + "']");
        assertThat(mentee.text(areaRow)).contains("Only me");
        new Select(mentee.find(areaRow).findElement(By.tagName("select"))).selectByValue("MATCHING");
        mentee.find(areaRow).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Save')]")).click();
        mentee.await(d -> d.findElement(areaRow).getText().contains(MATCHING_AUDIENCE));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/members/me", mina.token()).json().get("livedExperience").toString())
                .contains("\"visibility\":\"MATCHING\""));

        // she asks for a mentor who shares the area
        mentee.click(By.xpath("//summary[normalize-space()='Ask for a mentor']"));
        mentee.click(By.cssSelector("input[name=shared][value=REQUIRED]"));
        mentee.click(By.xpath("//button[normalize-space()='Ask for a mentor']"));
        WebElement card = mentee.visible(By.cssSelector("article.pairing"));
        assertThat(card.getText()).contains("Waiting for a mentor");
        String mentorshipId = card.getAttribute("data-mentorship");
        awaitMatcherKnows(mentor, mina, mentorshipId);

        // the programme team runs a match round in the second browser: it proposes this test's mentor
        second.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        second.click(By.linkText("Match rounds"));
        second.awaitHeading("Match rounds");
        second.assertAccessible("the match rounds page");
        second.click(By.xpath("//button[normalize-space()='Run a match round now']"));
        second.await(d -> d.findElement(By.tagName("main")).getText().contains("Proposals ("));
        assertThat(second.findAll(By.xpath("//a[normalize-space()='" + mentorshipId + "']"))).isNotEmpty();
        second.assertAccessible("a match round");

        // without a reload, the mentee's page shows the proposal and why this mentor
        By reasons = By.cssSelector("article.pairing[data-mentorship='" + mentorshipId + "'] ul.reasons");
        String explanation = mentee.text(reasons);
        // the needs covered, in the taxonomy's words rather than its codes
        assertThat(explanation).contains("Fundraising and finance").doesNotContain("FUNDRAISING_AND_FINANCE");
        assertThat(mentee.text(By.cssSelector("ol.feed"))).contains("A mentor was proposed to you: Theo Console");
        mentee.assertAccessible("the member's home with a proposal");
        // from the top: the profile, who can see what, and the pairing with why this mentor
        mentee.screenshotDownTo(By.cssSelector("section[aria-labelledby=pairings-heading]"),
                IMAGES.resolve("console-member-home.png"));

        // the mentor accepts in the second browser
        second.signOut();
        second.signIn(mentor.email(), mentor.password());
        By mentorCard = By.cssSelector("article.pairing[data-mentorship='" + mentorshipId + "']");
        assertThat(second.text(mentorCard)).contains("Why you were proposed");
        second.assertAccessible("the mentor's home with a proposal to answer");
        // with the keyboard only: the Accept button is in the tab order, and Enter presses it
        second.tabTo(By.cssSelector("article.pairing[data-mentorship='" + mentorshipId + "'] button"), 80).sendKeys(Keys.ENTER);
        second.await(d -> d.findElement(mentorCard).getText().contains("Active"));

        // the mentee's feed and pairing show it, live
        mentee.await(d -> d.findElement(By.cssSelector("ol.feed")).getText().contains("Theo Console accepted. You are now paired."));
        mentee.await(d -> d.findElement(By.cssSelector("article.pairing[data-mentorship='" + mentorshipId + "'] .status"))
                .getText().equals("Active"));

        // an opportunity the programme team shares shows in her Opportunities, live, with why it fits her
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        theMenteeRegistersInterestInAnOpportunity(admin, mina);
        // the mentor endorses her; she accepts from the page and gets her signed statement
        theMenteeAcceptsAnEndorsementAndGetsHerStatement(mentor, mina);
        mentee.assertAccessible("the member's home with opportunities and recognition");
        mentee.screenshotOf(By.cssSelector("section[aria-labelledby=opportunities-heading]"),
                IMAGES.resolve("console-opportunities.png"));
        mentee.screenshotOf(By.cssSelector("section[aria-labelledby=recognition-heading]"),
                IMAGES.resolve("console-recognition.png"));

        // the mentee leaves and is erased; the programme team opens the pairing's timeline
        Api.Response erased = api.call("DELETE", "/api/v1/admin/members/" + mina.id()).token(admin)
                .json(Map.of("reason", "She asked to leave")).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        second.signOut();
        second.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        second.click(By.linkText("Pairing audit"));
        second.awaitHeading("Pairing audit");
        second.type(By.name("mentorshipId"), mentorshipId);
        second.click(By.xpath("//button[normalize-space()='Show timeline']"));
        second.visible(By.cssSelector("ol.timeline"));
        String timeline = second.text(By.cssSelector("ol.timeline"));
        assertThat(timeline).contains("Mentorship requested", "Mentor proposed", "Proposal accepted", "Correlation",
                "The mentee: " + mina.id(), "A proposed mentor: " + mentor.id(),
                "Someone else, such as the programme team: ", "Erased personal data");
        second.assertAccessible("the pairing timeline");
        second.screenshot(IMAGES.resolve("console-pairing-timeline.png"));

        // the other admin pages pass the same accessibility rules
        second.click(By.linkText("Statistics"));
        second.awaitHeading("Programme statistics");
        second.visible(By.id("load-heading"));
        // every chart is hidden from screen readers and has its figures in a table beside it
        List<WebElement> charts = second.findAll(By.cssSelector("main figure"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(3).allSatisfy(figure -> {
            assertThat(figure.findElement(By.tagName("svg")).getAttribute("aria-hidden")).isEqualTo("true");
            assertThat(figure.findElements(By.cssSelector("table th"))).isNotEmpty();
        });
        second.assertAccessible("the statistics page");
        second.click(By.linkText("Event processors"));
        second.awaitHeading("Event processors");
        second.await(d -> d.findElement(By.cssSelector("main table caption")).getText().equals("Event processors"));
        assertThat(second.text(By.cssSelector("main table"))).contains("mentorships", "member-directory");
        second.assertAccessible("the event processors page");
        second.click(By.linkText("Concerns"));
        second.awaitHeading("Concerns");
        second.visible(By.cssSelector("main table, main p"));
        second.assertAccessible("the concerns page");
        second.signOut();
    }

    @Test
    void thePausedFeedCatchesUpOnWhatCameMeanwhile() {
        Api.Member ada = people.member("Ada Console", "EMERGING", true, Map.of());
        Api.Member bo = people.member("Bo Console", "EMERGING", true, Map.of());
        mentee.signIn(ada.email(), ada.password());
        mentee.await(d -> d.findElement(By.cssSelector("#feed [role=status]")).getText().startsWith("Connected"));
        mentee.click(By.xpath("//button[normalize-space()='Pause live updates']"));
        mentee.await(d -> d.findElement(By.cssSelector("#feed [role=status]")).getText().startsWith("Paused"));

        assertThat(api.post("/api/v1/connections", bo.token(), Map.of("to", ada.id())).status()).isEqualTo(201);
        await().atMost(PROJECTION_WAIT).until(() -> api.feedAfter(ada.token(), 0).contains("CONNECTION_REQUESTED"));
        assertThat(mentee.text(By.cssSelector("ol.feed"))).doesNotContain("Bo Console asked to connect");

        mentee.click(By.xpath("//button[normalize-space()='Pause live updates']"));
        mentee.await(d -> d.findElement(By.cssSelector("ol.feed")).getText().contains("Bo Console asked to connect with you."));
        mentee.signOut();
    }

    private void theMenteeRegistersInterestInAnOpportunity(String admin, Api.Member mina) {
        // filtered to one kind first, so other tests' opportunities cannot push this one off the list
        By opportunities = By.cssSelector("section[aria-labelledby=opportunities-heading]");
        new Select(mentee.find(opportunities).findElement(By.tagName("select"))).selectByValue("BURSARY");
        mentee.find(opportunities).findElement(By.xpath(".//button[normalize-space()='Show']")).click();
        String title = "Leadership bursary " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response posted = api.post("/api/v1/opportunities", admin, Map.ofEntries(Map.entry("kind", "BURSARY"),
                Map.entry("title", title), Map.entry("description", "A year's course fees for an emerging leader."),
                Map.entry("link", "https://example.org/bursary"), Map.entry("competencies", List.of("FUNDRAISING_AND_FINANCE")),
                Map.entry("stages", List.of("EMERGING")), Map.entry("sectors", List.of("CHARITY")),
                Map.entry("region", "LONDON"), Map.entry("remote", true), Map.entry("seats", 3)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String opportunityId = posted.json().get("opportunityId").asText();

        By card = By.cssSelector("article.opportunity[data-opportunity='" + opportunityId + "']");
        String shown = mentee.text(card);
        assertThat(shown).contains(title, "Bursary", "Why it fits you", "The programme team", "Not registered");
        assertThat(mentee.text(By.cssSelector(".opportunity[data-opportunity='" + opportunityId + "'] .explanation")))
                .contains("fits your need", "for Emerging leaders", "in your sector").doesNotContain("EMERGING");
        mentee.find(card).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Register interest')]")).click();
        mentee.await(d -> d.findElement(card).findElement(By.cssSelector(".interest")).getText().equals("Registered"));
        assertThat(api.get("/api/v1/opportunities/" + opportunityId, mina.token()).json()
                .get("opportunity").get("interested").asBoolean()).isTrue();
        // the list says so too (the page reads it there)
        assertThat(api.get("/api/v1/opportunities?kind=BURSARY&limit=200", mina.token()).json().get("opportunities"))
                .filteredOn(o -> o.get("opportunityId").asText().equals(opportunityId))
                .singleElement().satisfies(o -> assertThat(o.get("interested").asBoolean()).isTrue());

        // she hears about fewer, and no events
        mentee.click(By.xpath("//summary[normalize-space()='Which opportunities I hear about']"));
        WebElement section = mentee.find(By.cssSelector("section[aria-labelledby=opportunities-heading]"));
        section.findElement(By.cssSelector("input[type=checkbox][value=EVENT]")).click();
        WebElement cap = section.findElement(By.cssSelector("input[type=number]"));
        cap.clear();
        cap.sendKeys("1");
        section.findElement(By.xpath(".//button[normalize-space()='Save my choices']")).click();
        mentee.await(d -> d.findElement(By.cssSelector("section[aria-labelledby=opportunities-heading] details [role=status]"))
                .getText().equals("Saved."));
        assertThat(api.get("/api/v1/members/me/opportunity-preferences", mina.token()).json().toString())
                .contains("\"optedOutKinds\":[\"EVENT\"]", "\"weeklyCap\":1");
    }

    private void theMenteeAcceptsAnEndorsementAndGetsHerStatement(Api.Member mentor, Api.Member mina) {
        Api.Response given = api.post("/api/v1/members/" + mina.id() + "/endorsements", mentor.token(),
                Map.of("competency", "STRATEGIC_THINKING", "text", "Mina sees the whole picture and plans for it."));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        By card = By.cssSelector("article.endorsement[data-endorsement='" + given.json().get("endorsementId").asText() + "']");
        assertThat(mentee.text(card)).contains("Theo Console vouches for you", "Mina sees the whole picture",
                "Waiting for your answer");
        mentee.find(card).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Accept')]")).click();
        mentee.await(d -> d.findElement(card).getText().contains("On your profile"));
        mentee.await(d -> d.findElement(By.cssSelector("dl.contributions")).getText().contains("Strategic thinking (1)"));

        mentee.click(By.xpath("//button[normalize-space()='Get my signed statement']"));
        WebElement statement = mentee.visible(By.cssSelector("textarea.statement"));
        assertThat(statement.getAttribute("readonly")).isNotNull();
        assertThat(statement.getAttribute("value")).startsWith("eyJ").contains(".");
        assertThat(mentee.find(By.cssSelector("label[for='" + statement.getAttribute("id") + "']")).getText())
                .contains("My signed statement");
    }

    /** The matcher's pool is eventually consistent: waits until it knows the offer, the area and the request. */
    private void awaitMatcherKnows(Api.Member mentor, Api.Member mentee, String mentorshipId) {
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from matching_member m join matching_area a using (member_id) "
                + "where m.member_id = ?::uuid and m.offer_open)", Boolean.class, mentor.id())));
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from matching_area where member_id = ?::uuid)", Boolean.class, mentee.id())));
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from matching_request where mentorship_id = ?::uuid)", Boolean.class,
                mentorshipId)));
    }
}
