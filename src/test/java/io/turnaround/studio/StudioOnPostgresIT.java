package io.turnaround.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.support.Api;
import io.turnaround.support.Http;
import io.turnaround.support.DemoServer;
import io.turnaround.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio on PostgreSQL: workspaces drafted over the API and in a real browser, saves that never lose another
 * person's work, problems shown at their line as the text is typed, diffs, and submission through the upload's checks.
 */
class StudioOnPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSIFICATION = "rules/classification.drl";

    private static ConfigurableApplicationContext server;
    private static int port;
    private static Api api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = DemoServer.startOnPostgres();
        port = DemoServer.port(server);
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void savesMadeFromAnOlderTextAreRefusedWithTheNewerOne() {
        long id = newWorkspace("andy");
        JsonNode file = api.get("andy", file(id, CLASSIFICATION)).body();
        long revision = file.get("revision").asLong();
        String text = file.get("content").asText();

        Api.Response admins = save("admin", id, CLASSIFICATION, text + "\n// the admin's line\n", revision);
        assertThat(admins.status()).as(admins.text()).isEqualTo(200);
        Api.Response andys = save("andy", id, CLASSIFICATION, text + "\n// andy's line\n", revision);
        assertThat(andys.status()).isEqualTo(409);
        assertThat(andys.body().get("detail").asText())
                .isEqualTo(CLASSIFICATION + " was saved by admin since you opened it: merge your text with theirs and save again");
        assertThat(andys.body().get("theirText").asText()).endsWith("// the admin's line\n");
        long theirs = andys.body().get("theirs").get("revision").asLong();
        assertThat(theirs).isGreaterThan(revision);

        Api.Response merged = save("andy", id, CLASSIFICATION, text + "\n// the admin's line\n// andy's line\n", theirs);
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(api.get("maria", file(id, CLASSIFICATION)).body().get("content").asText())
                .as("a manager reads").endsWith("// the admin's line\n// andy's line\n");
        assertThat(save("maria", id, CLASSIFICATION, text, merged.body().get("revision").asLong()).status())
                .as("a manager does not write").isEqualTo(403);
        assertThat(api.get("alice", file(id, CLASSIFICATION)).status()).as("an agent does not read").isEqualTo(403);
    }

    @Test
    void filesAreAddedRenamedAndDeletedOnlyFromTheirCurrentRevision() {
        long id = newWorkspace("andy");
        assertThat(save("andy", id, "rules/../evil.drl", "", 0).body().get("detail").asText())
                .startsWith("rules/../evil.drl is not a policy file");
        Api.Response added = save("andy", id, "rules/extra.drl", "package io.turnaround.rules;\n", 0);
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(save("admin", id, "rules/extra.drl", "", 0).body().get("detail").asText())
                .isEqualTo("rules/extra.drl already exists (saved by andy)");
        assertThat(save("andy", id, "notes/todo.txt", "", 0).body().get("detail").asText())
                .startsWith("notes/todo.txt is not a policy file");

        long revision = added.body().get("revision").asLong();
        Api.Response renamed = api.post("andy", "/api/studio/workspaces/" + id + "/renames",
                "{\"from\":\"rules/extra.drl\",\"to\":\"rules/more.drl\",\"revision\":" + revision + "}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(save("andy", id, "rules/extra.drl", "", revision).body().get("detail").asText())
                .isEqualTo("rules/extra.drl was deleted or renamed since you opened it");
        assertThat(api.request("DELETE", Api.basic("andy"), file(id, "rules/more.drl") + "&revision=" + revision, null)
                .status()).as("deleting from an older revision").isEqualTo(409);
        assertThat(api.request("DELETE", Api.basic("andy"), file(id, "rules/more.drl") + "&revision="
                + renamed.body().get("revision").asLong(), null).status()).isEqualTo(204);
        assertThat(api.get("andy", "/api/studio/workspaces/" + id).body().get("files").findValuesAsText("path"))
                .doesNotContain("rules/extra.drl", "rules/more.drl").contains(CLASSIFICATION);
        assertThat(api.get("andy", "/api/studio/workspaces/" + id + "/changes").body().get("files")).isEmpty();
    }

    @Test
    void aCheckPointsAtTheLineAndASubmissionBecomesAVersion() throws Exception {
        long id = newWorkspace("andy");
        JsonNode file = api.get("andy", file(id, CLASSIFICATION)).body();
        String text = file.get("content").asText();
        String broken = text.replace("rule \"Category set by staff\"", "rule \"Category set by staff\"\n    salience oops");

        JsonNode checked = api.post("andy", "/api/studio/workspaces/" + id + "/check", json("path", CLASSIFICATION,
                "content", broken)).body();
        assertThat(checked.get("problems").findValuesAsText("file")).contains(CLASSIFICATION);
        int line = lineOf(broken, "salience oops");
        assertThat(checked.get("problems").findValues("line").stream().map(JsonNode::asInt)).contains(line);
        assertThat(api.post("andy", "/api/studio/workspaces/" + id + "/check", "{}").body().get("problems"))
                .as("the saved files compile").isEmpty();

        String changed = text.replace("\"site is down | ", "\"site is down | shop is down | ");
        assertThat(changed).isNotEqualTo(text);
        assertThat(save("andy", id, CLASSIFICATION, changed, file.get("revision").asLong()).status()).isEqualTo(200);
        JsonNode diff = api.get("maria", "/api/studio/workspaces/" + id + "/changes").body().get("files").get(0);
        assertThat(diff.get("path").asText()).isEqualTo(CLASSIFICATION);
        assertThat(diff.get("added").asInt()).isEqualTo(1);
        assertThat(diff.get("removed").asInt()).isEqualTo(1);

        assertThat(api.post("maria", "/api/studio/workspaces/" + id + "/submission", "{}").status()).isEqualTo(403);
        JsonNode submitted = api.post("andy", "/api/studio/workspaces/" + id + "/submission",
                "{\"description\":\"shop down is an emergency\"}").body();
        assertThat(submitted.get("closed").asBoolean()).isTrue();
        JsonNode version = submitted.get("report").get("version");
        assertThat(version.get("state").asText()).isEqualTo("DRAFT");
        assertThat(version.get("description").asText()).isEqualTo("shop down is an emergency");
        assertThat(text("andy", "/api/policy/versions/" + version.get("number").asInt() + "/file?path=" + CLASSIFICATION))
                .isEqualTo(changed);

        JsonNode workspace = api.get("andy", "/api/studio/workspaces/" + id).body().get("workspace");
        assertThat(workspace.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(save("andy", id, CLASSIFICATION, text, 1).body().get("detail").asText())
                .isEqualTo("workspace " + id + " was submitted as version " + version.get("number").asInt()
                        + " by andy; open a new one to go on");
    }

    @Test
    void aTypedTicketIsDecidedByTheWorkspaceNextToTheActiveVersionAndKeptAsAScenario() {
        long id = newWorkspace("andy");
        JsonNode routing = api.get("andy", file(id, "rules/routing.drl")).body();
        String text = routing.get("content").asText();
        // The workspace sends a partner-hosted emergency to the support desk instead (unsaved, as in the editor).
        String changed = text.replaceFirst("setRoute\\(Route\\.HOSTING_PARTNER\\)", "setRoute(Route.SUPPORT_DESK)");
        assertThat(changed).isNotEqualTo(text);
        String ticket = "\"tier\":\"GOLD\",\"hosting\":\"PARTNER\",\"subject\":\"Site is down\",\"body\":\"for everyone\","
                + "\"receivedAtLocal\":\"2026-11-01T01:30\",\"zone\":\"America/Los_Angeles\"";

        Api.Response tried = api.post("andy", "/api/studio/workspaces/" + id + "/decisions",
                "{" + ticket + ",\"path\":\"rules/routing.drl\",\"content\":" + JSON.valueToTree(changed) + "}");
        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        JsonNode draft = tried.body().get("draft");
        JsonNode active = tried.body().get("active");
        assertThat(active.get("route").asText()).isEqualTo("HOSTING_PARTNER");
        assertThat(draft.get("route").asText()).isEqualTo("SUPPORT_DESK");
        assertThat(tried.body().get("differences").toString()).isEqualTo("[\"route\"]");
        // 01:30 Pacific on the day daylight saving ends is the first 01:30 (PDT); an emergency is due an hour later.
        assertThat(active.get("slaDueAt").asText()).isEqualTo("2026-11-01T09:30:00Z");
        assertThat(active.get("ladder").findValuesAsText("moment")).isNotEmpty();
        assertThat(active.get("ladder").findValues("at")).allSatisfy(at -> assertThat(at.isNull()).isFalse());
        assertThat(active.get("explanation").get("rules").findValuesAsText("rule")).isNotEmpty();

        assertThat(api.post("andy", "/api/studio/workspaces/" + id + "/decisions", "{" + ticket
                + ",\"path\":\"rules/routing.drl\",\"content\":\"rule oops\"}").body().get("problems")
                .findValuesAsText("file")).as("a draft that does not compile says where").contains("rules/routing.drl");

        Api.Response kept = api.post("andy", "/api/studio/workspaces/" + id + "/scenario-entries", "{\"ticket\":{"
                + ticket + "},\"name\":\"Gold emergency in the night the clocks go back\","
                + "\"file\":\"rules/scenarios/studio.yaml\",\"revision\":0}");
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        String scenario = api.get("andy", file(id, "rules/scenarios/studio.yaml")).body().get("content").asText();
        assertThat(scenario).contains("- name: Gold emergency in the night the clocks go back\n", "    tier: GOLD\n",
                "    receivedAt: 2026-11-01T01:30-07:00\n", "    route: HOSTING_PARTNER\n",
                "    slaDueAt: 2026-11-01T01:30-08:00\n");
        JsonNode run = api.post("andy", "/api/studio/workspaces/" + id + "/scenarios", "{}").body();
        assertThat(run.get("passed").asBoolean()).as(run.toString()).isTrue();

        JsonNode failing = api.post("andy", "/api/studio/workspaces/" + id + "/scenarios",
                "{\"path\":\"rules/routing.drl\",\"content\":" + JSON.valueToTree(changed) + "}").body();
        assertThat(failing.get("passed").asBoolean()).isFalse();
        assertThat(failing.get("failures").findValuesAsText("text")).anySatisfy(diff -> assertThat(diff)
                .startsWith("\"Gold emergency in the night the clocks go back\"")
                .contains("route", "expected HOSTING_PARTNER", "got SUPPORT_DESK"));
    }

    @Test
    void anAnalystEditsInTheBrowserSeesProblemsAsSheTypesAndMergesAConflict() {
        signIn("andy");
        browser.open("/studio");
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#new-workspace button")));
        long id = Long.parseLong(browser.driver().findElement(By.id("studio")).getAttribute("data-workspace"));

        browser.driver().findElement(By.cssSelector("#files a.file[data-path='" + CLASSIFICATION + "']")).click();
        waitFor(() -> browser.driver().findElement(By.id("open-path")).getText().equals(CLASSIFICATION));
        waitFor(() -> browser.driver().findElement(By.id("check-state")).getText().startsWith("none: it compiles"));

        int line = lineOf(api.get("andy", file(id, CLASSIFICATION)).body().get("content").asText(),
                "rule \"Category set by staff\"");
        typeAtEndOfLine(line, "\n    salience oops");
        waitFor(() -> browser.driver().findElement(By.id("check-state")).getText().contains("problem"));
        assertThat(browser.driver().findElement(By.id("problem-list")).getText()).contains(CLASSIFICATION + ":" + (line + 1));
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return Array.from(document.querySelectorAll("
                + "'.editor-pane .CodeMirror .problem-text')).map(function (e) { return e.textContent; }).join('');"))
                .as("the line is underlined").isEqualTo("salience oops");
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.editor-bar').scrollIntoView()");
        browser.screenshot("studio-rules-editor");

        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.editor-pane .CodeMirror')"
                + ".CodeMirror.setValue(arguments[0])", api.get("andy", file(id, CLASSIFICATION)).body().get("content").asText());
        waitFor(() -> browser.driver().findElement(By.id("check-state")).getText().startsWith("none: it compiles"));
        typeAtEndOfLine(line, "\n    // andy was here");

        JsonNode current = api.get("admin", file(id, CLASSIFICATION)).body();
        assertThat(save("admin", id, CLASSIFICATION, current.get("content").asText() + "// the admin's line\n",
                current.get("revision").asLong()).status()).isEqualTo(200);
        browser.driver().findElement(By.id("save")).click();
        waitFor(() -> browser.driver().findElement(By.id("conflict")).isDisplayed());
        assertThat(browser.driver().findElement(By.id("conflict-message")).getText())
                .contains("was saved by admin since you opened it");
        assertThat(codeIn("#conflict .CodeMirror")).contains("// the admin's line");

        typeAtEndOfDocument("// the admin's line\n");
        browser.driver().findElement(By.id("save-over")).click();
        waitFor(() -> browser.driver().findElement(By.id("save-state")).getText().startsWith("saved (revision"));
        String saved = api.get("andy", file(id, CLASSIFICATION)).body().get("content").asText();
        assertThat(saved).contains("    // andy was here").endsWith("// the admin's line\n");

        browser.open("/studio/workspaces/" + id + "/changes");
        assertThat(browser.driver().findElement(By.cssSelector(".file-diff[data-path='" + CLASSIFICATION + "'] .added"))
                .getText()).startsWith("+").endsWith("// andy was here");

        browser.open("/studio/workspaces/" + id);
        browser.driver().findElement(By.name("description")).sendKeys("a comment");
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#submit-form button")));
        assertThat(browser.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("is a draft");
        assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("DRAFT");
        String version = browser.driver().findElement(By.tagName("h1")).getText().replace("Policy version ", "");

        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#edit-in-studio button")));
        assertThat(browser.driver().findElement(By.cssSelector("main p.muted a")).getText())
                .as("a new workspace based on the version").isEqualTo("version " + version);
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void anAnalystTriesATicketOnHerUnsavedTextAndKeepsItAsAScenario() {
        long id = newWorkspace("andy");
        signIn("andy");
        browser.open("/studio/workspaces/" + id + "#" + URLEncoder.encode("rules/routing.drl", StandardCharsets.UTF_8));
        waitFor(() -> browser.driver().findElement(By.id("open-path")).getText().equals("rules/routing.drl"));
        String routing = codeIn(".editor-pane .CodeMirror");
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.editor-pane .CodeMirror')"
                + ".CodeMirror.setValue(arguments[0])", routing.replaceFirst("setRoute\\(Route\\.HOSTING_PARTNER\\)",
                "setRoute(Route.DEV_TEAM)"));

        browser.driver().findElement(By.cssSelector(".tab[data-tab='try']")).click();
        WebElement form = browser.driver().findElement(By.id("try-form"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].elements.receivedAtLocal.value = "
                + "'2026-11-01T01:30'; arguments[0].elements.zone.value = 'America/Los_Angeles';", form);
        form.findElement(By.name("subject")).sendKeys("Site is down");
        form.findElement(By.name("body")).sendKeys("None of our <b>members</b> can log in");
        form.findElement(By.cssSelector("button")).click();
        waitFor(() -> browser.driver().findElement(By.id("try-result")).isDisplayed());

        WebElement route = browser.driver().findElement(By.cssSelector("#try-decisions tr[data-part='route']"));
        assertThat(route.getAttribute("class")).isEqualTo("differs");
        assertThat(route.getText()).isEqualTo("ROUTE DEV_TEAM HOSTING_PARTNER");
        assertThat(browser.driver().findElement(By.cssSelector("#try-decisions tr[data-part='slaDueAt']")).getText())
                .isEqualTo("DUE Sun, Nov 1, 01:30 PST Sun, Nov 1, 01:30 PST");
        assertThat(browser.driver().findElement(By.cssSelector("#try-decisions tr[data-part='ladder']")).getText())
                .contains("BREACH");
        assertThat(browser.driver().findElement(By.id("why-draft")).getText()).contains("matched “site is down” in the subject");
        assertThat(browser.driver().findElement(By.id("try-state")).getText())
                .isEqualTo("The workspace decides differently: route.");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('try-form').scrollIntoView()");
        browser.screenshot("studio-try-a-ticket");

        browser.driver().findElement(By.cssSelector("#save-scenario input[name='name']")).sendKeys("Logins fail for everyone");
        new Select(browser.driver().findElement(By.cssSelector("#save-scenario select[name='file']")))
                .selectByValue("rules/scenarios/studio.yaml");
        browser.driver().findElement(By.cssSelector("#save-scenario button")).click();
        waitFor(() -> browser.driver().findElement(By.id("try-state")).getText().startsWith("Kept as a scenario in"));
        assertThat(api.get("andy", file(id, "rules/scenarios/studio.yaml")).body().get("content").asText())
                .contains("- name: Logins fail for everyone\n", "    route: DEV_TEAM\n");
        assertThat(browser.driver().findElement(By.cssSelector("#files a.file[data-path='rules/scenarios/studio.yaml']"))
                .isDisplayed()).as("the new file is in the tree").isTrue();
        assertThat(codeIn(".editor-pane .CodeMirror")).as("the unsaved text is still there").contains("Route.DEV_TEAM");

        browser.driver().findElement(By.cssSelector(".tab[data-tab='scenarios']")).click();
        browser.driver().findElement(By.id("run-scenarios")).click();
        waitFor(() -> !browser.driver().findElement(By.id("scenarios-state")).getText().equals("running…"));
        assertThat(browser.driver().findElement(By.id("scenarios-state")).getText()).contains("fail");
        assertThat(browser.driver().findElement(By.id("scenario-failures")).getText())
                .contains("expected HOSTING_PARTNER").doesNotContain("Logins fail for everyone");
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aTaskAddedInTheModelerRunsOnceItsVersionIsActive() {
        long id = newWorkspace("andy");
        signIn("andy");
        openDiagram(id, "processes/support-ticket.bpmn");
        assertThat(browser.driver().findElement(By.id("diagram-state")).getText()).as("import warnings").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".bjs-powered-by")).isDisplayed())
                .as("the bpmn.io watermark stays visible").isTrue();

        // Between the support desk's task and the join: the flow goes, a user task comes, two flows join it up.
        String created = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "var m = document.getElementById('diagram-canvas').bpmnModeler;"
                + "var registry = m.get('elementRegistry'), modeling = m.get('modeling');"
                + "var from = registry.get('handleRequest'), to = registry.get('workJoin');"
                + "modeling.removeConnection(registry.get('done_handleRequest'));"
                + "var task = modeling.createShape({type: 'bpmn:UserTask'}, {x: from.x + from.width + 150,"
                + " y: from.y + from.height / 2}, from.parent);"
                + "modeling.connect(from, task); modeling.connect(task, to);"
                + "m.get('selection').select(task); return task.id;");
        setProperty("Id", "reviewAnswer");
        setProperty("Name", "Review the answer");
        setProperty("Task name", "Review the answer");
        setProperty("Group", "support-managers");
        assertThat(created).isNotBlank();
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.editor-bar').scrollIntoView()");
        browser.screenshot("studio-process-modeler");

        browser.driver().findElement(By.id("save")).click();
        waitFor(() -> browser.driver().findElement(By.id("save-state")).getText().startsWith("saved (revision"));
        waitFor(() -> browser.driver().findElement(By.id("check-state")).getText().startsWith("none: it compiles"));
        String saved = api.get("andy", file(id, "processes/support-ticket.bpmn")).body().get("content").asText();
        assertThat(saved).contains("id=\"reviewAnswer\"", "drools:ruleFlowGroup=\"ticket-policy\"",
                ">support-managers<", "<bpmn2:sourceRef>ticketKey</bpmn2:sourceRef>");

        browser.driver().findElement(By.name("description")).sendKeys("managers review every answer");
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#submit-form button")));
        assertThat(browser.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("is a draft");
        String page = browser.driver().getCurrentUrl();
        int version = Integer.parseInt(page.substring(page.lastIndexOf('/') + 1));
        Api.Response activated = api.post("admin", "/api/policy/versions/" + version + "/activation", "{}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);

        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"How do I"
                + " export a report?\",\"body\":\"for one model\"}").body().get("key").asText();
        complete("alice", "support-desk", key, "Address and assign the request");
        complete("maria", "support-managers", key, "Review the answer");
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aProblemInAProcessIsShownOnItsElement() {
        long id = newWorkspace("andy");
        signIn("andy");
        openDiagram(id, "processes/support-ticket.bpmn");
        browser.driver().findElement(By.id("view-xml")).click();
        String xml = codeIn(".editor-pane .CodeMirror");
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.editor-pane .CodeMirror')"
                + ".CodeMirror.setValue(arguments[0])", xml.replace("#{ladder.nextAtText}", "#{ladder.nextAtTextX}"));
        waitFor(() -> browser.driver().findElement(By.id("check-state")).getText().contains("problem"));
        browser.driver().findElement(By.id("view-diagram")).click();
        waitFor(() -> !browser.driver().findElements(By.cssSelector(".djs-element.problem[data-element-id='nextRungDue']"))
                .isEmpty());

        browser.driver().findElement(By.cssSelector("#problem-list a")).click();
        waitFor(() -> browser.driver().findElement(By.cssSelector("#properties [name='Id']")).getAttribute("value")
                .equals("nextRungDue"));
        assertThat(browser.driver().findElement(By.cssSelector("#properties [name='Timer expression']"))
                .getAttribute("value")).isEqualTo("#{ladder.nextAtTextX}");
        browser.screenshot("studio-process-problem");
    }

    @Test
    void theShippedProcessesOpenAndSaveUnchanged() throws Exception {
        long id = newWorkspace("andy");
        signIn("andy");
        for (String process : new String[] {"processes/support-ticket.bpmn", "processes/custom-quote.bpmn"}) {
            openDiagram(id, process);
            assertThat(browser.driver().findElement(By.id("diagram-state")).getText()).as("import warnings").isEmpty();
            String written = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "document.getElementById('diagram-canvas').bpmnModeler.saveXML({format: true})"
                    + ".then(function (r) { done(r.xml); });");
            String original = api.get("andy", file(id, process)).body().get("content").asText();
            assertThat(XmlShape.of(written)).as(process).isEqualTo(XmlShape.of(original));
            assertThat(written).contains("drools:packageName=\"io.turnaround.processes\"", "drools:version=\"1.0\"",
                    "drools:adHoc=\"false\"");
        }
    }

    @Test
    void aManagerReadsWorkspacesAndComparesAnyTwoVersions() {
        long id = newWorkspace("andy");
        String sla = api.get("andy", file(id, "rules/sla.drl")).body().get("content").asText();
        assertThat(save("andy", id, "rules/sla.drl", sla + "// read by managers\n", 1).status()).isEqualTo(200);
        int version = api.post("andy", "/api/studio/workspaces/" + id + "/submission", "{}").body().get("report")
                .get("version").get("number").asInt();
        long open = newWorkspace("andy");

        signIn("maria");
        openDiagram(open, "processes/support-ticket.bpmn");
        assertThat(browser.driver().findElements(By.id("save"))).as("no saving for a reader").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".djs-palette"))).as("the viewer, no palette").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".tabs"))).as("no trials for a reader").isEmpty();

        browser.open("/policy/versions/" + version);
        assertThat(browser.driver().findElements(By.id("edit-in-studio"))).as("managers do not edit").isEmpty();
        browser.open("/policy");
        new Select(browser.driver().findElement(By.cssSelector("#compare select[name='from']"))).selectByValue("1");
        new Select(browser.driver().findElement(By.cssSelector("#compare select[name='to']")))
                .selectByValue(String.valueOf(version));
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#compare button")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("What version " + version + " changes in version 1");
        assertThat(browser.driver().findElement(By.cssSelector(".file-diff[data-path='rules/sla.drl'] .added")).getText())
                .isEqualTo("+// read by managers");
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }

    private static void openDiagram(long id, String process) {
        browser.open("/studio/workspaces/" + id + "#" + URLEncoder.encode(process, StandardCharsets.UTF_8));
        waitFor(() -> browser.driver().findElement(By.id("open-path")).getText().equals(process));
        waitFor(() -> browser.driver().findElement(By.id("diagram")).isDisplayed());
    }

    /** Types into the properties panel's field, as a person would, and leaves it. */
    private static void setProperty(String label, String value) {
        WebElement field = browser.driver().findElement(By.cssSelector("#properties [name='" + label + "']"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        waitFor(() -> browser.driver().findElement(By.cssSelector("#properties [name='" + label + "']"))
                .getAttribute("value").equals(value));
    }

    /** Claims and completes the ticket's open task of the group, which must have that name. */
    private static void complete(String user, String group, String key, String name) {
        JsonNode found = null;
        for (JsonNode task : api.get(user, "/api/tasks?group=" + group).body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                found = task;
            }
        }
        assertThat(found).as("a task of " + group + " for " + key).isNotNull();
        assertThat(found.get("name").asText()).isEqualTo(name);
        long task = found.get("id").asLong();
        assertThat(api.post(user, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        Api.Response completed = api.post(user, "/api/tasks/" + task + "/complete", null);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
    }

    private static void signIn(String user) {
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.signIn(user);
    }

    private static long newWorkspace(String user) {
        Api.Response created = api.post(user, "/api/studio/workspaces", "{}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static String file(long id, String path) {
        return "/api/studio/workspaces/" + id + "/file?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static Api.Response save(String user, long id, String path, String content, long revision) {
        return api.request("PUT", Api.basic(user), file(id, path), json("content", content, "revision", revision));
    }

    private static String json(Object... pairs) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.putPOJO((String) pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }

    /** A GET whose answer is text, not JSON. */
    private static String text(String user, String path) throws Exception {
        return Http.CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Api.basic(user)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + part);
    }

    /** Puts the cursor at the end of the line (1-based) and types there, as a person would. */
    private static void typeAtEndOfLine(int line, String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("var cm = document.querySelector('.editor-pane .CodeMirror')"
                + ".CodeMirror; cm.focus(); cm.setCursor({line: arguments[0] - 1, ch: cm.getLine(arguments[0] - 1).length});",
                line);
        browser.driver().findElement(By.cssSelector(".editor-pane .CodeMirror textarea")).sendKeys(text);
    }

    private static void typeAtEndOfDocument(String text) {
        ((JavascriptExecutor) browser.driver()).executeScript("var cm = document.querySelector('.editor-pane .CodeMirror')"
                + ".CodeMirror; cm.focus(); cm.setCursor({line: cm.lastLine(), ch: cm.getLine(cm.lastLine()).length});");
        browser.driver().findElement(By.cssSelector(".editor-pane .CodeMirror textarea")).sendKeys(text);
    }

    private static String codeIn(String selector) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.querySelector(arguments[0]).CodeMirror.getValue();", selector);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("studio-timed-out");
            throw new AssertionError("timed out; the page said: " + browser.driver().findElement(By.tagName("main"))
                    .getText() + "\nconsole: " + browser.driver().manage().logs().get("browser").getAll(), e);
        }
    }
}
