package io.turnaround.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageProblemTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void onlyABrowserAskingForAPageGetsAPage() {
        assertThat(PageProblem.wanted(request("GET", "/tasks", BROWSER))).isTrue();
        assertThat(PageProblem.wanted(request("POST", "/tasks/7/claim", BROWSER))).isTrue();
        assertThat(PageProblem.wanted(request("GET", "/api/tickets", BROWSER))).as("the API").isFalse();
        assertThat(PageProblem.wanted(request("GET", "/tasks", "*/*"))).as("a script").isFalse();
        assertThat(PageProblem.wanted(request("GET", "/tasks/events", "text/event-stream"))).isFalse();
        MockHttpServletRequest htmx = request("GET", "/tasks", BROWSER);
        htmx.addHeader("HX-Request", "true");
        assertThat(PageProblem.wanted(htmx)).as("htmx keeps the list it has").isFalse();
    }

    @Test
    void aPageAskedForAgainReloadsItselfAndAFormsAnswerDoesNot() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        PageProblem.write(request("GET", "/tasks", BROWSER), page, HttpStatus.SERVICE_UNAVAILABLE, "Down <now>", 7L);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("7");
        assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.policy(List.of()));
        assertThat(page.getContentAsString()).contains("<meta http-equiv=\"refresh\" content=\"7\">")
                .contains("Down &lt;now&gt;").doesNotContain("<now>");

        MockHttpServletResponse answer = new MockHttpServletResponse();
        PageProblem.write(request("POST", "/tasks/7/claim", BROWSER), answer, HttpStatus.SERVICE_UNAVAILABLE, "Down", 7L);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("7");
        assertThat(answer.getContentAsString()).doesNotContain("refresh");
    }

    private static MockHttpServletRequest request(String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        return request;
    }
}
