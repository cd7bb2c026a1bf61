package org.lexnet.app.console;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files over plain HTTP: served without a token, with the types browsers need for modules
 * and styles, under a Content-Security-Policy that allows scripts from this origin only, and written so
 * that the policy holds (no inline script or handler in the page). Nothing else became public with them.
 */
class ConsoleAssetsTest extends IntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void thePageAndItsModulesAreServedToAnyoneUnderAPolicyThatAllowsOnlyThisOrigin() {
        Api.Response page = api.call("GET", "/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", "src=\"/console/app.js\"");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("an inline script in the page").isFalse();
        assertThat(INLINE_HANDLER.matcher(page.body()).find()).as("an inline event handler in the page").isFalse();
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-eval");

        for (String module : new String[] {"app", "api", "dom", "stomp", "feed", "home", "signin", "admin", "charts"}) {
            Api.Response script = api.call("GET", "/console/" + module + ".js").send();
            assertThat(script.status()).as(module).isEqualTo(200);
            assertThat(script.contentType()).as(module).startsWith("text/javascript");
            assertThat(script.body()).as(module).doesNotContain("innerHTML", "eval(", "new Function");
        }
        Api.Response styles = api.call("GET", "/console/console.css").send();
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.contentType()).startsWith("text/css");
    }

    @Test
    void onlyReadingTheConsoleIsOpenAndAMissingFileIsAProblemNotAPage() {
        assertThat(api.call("POST", "/").send().status()).isEqualTo(401);
        assertThat(api.call("PUT", "/console/app.js").send().status()).isEqualTo(401);
        Api.Response missing = api.call("GET", "/console/missing.js").send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        // the API itself still needs a token
        assertThat(api.call("GET", "/api/v1/members/me").send().status()).isEqualTo(401);
    }
}
