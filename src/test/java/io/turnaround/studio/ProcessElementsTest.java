package io.turnaround.studio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessElementsTest {

    private static final String XML = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI">
              <process id="p">
                <intermediateCatchEvent id="nextRungDue">
                  <timerEventDefinition id="nextRungDueDefinition">
                    <timeDate>#{ladder.nextAtText}</timeDate>
                  </timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="toEnd" sourceRef="nextRungDue" targetRef="end"/>
                <endEvent id="end"/>
              </process>
              <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
                <bpmndi:BPMNShape id="end_di" bpmnElement="end"/>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;

    @Test
    void aLineBelongsToTheInnermostElementWithAnIdAroundIt() {
        assertThat(ProcessElements.at(XML, 6)).containsExactly("nextRungDueDefinition", "nextRungDue", "p");
        assertThat(ProcessElements.at(XML, 8)).containsExactly("nextRungDue", "p");
        assertThat(ProcessElements.at(XML, 9)).containsExactly("toEnd", "p");
        assertThat(ProcessElements.at(XML, 3)).containsExactly("p");
    }

    @Test
    void theDrawingLinesOutsideAndUnreadableXmlBelongToNoElement() {
        assertThat(ProcessElements.at(XML, 13)).as("the drawing").isEmpty();
        assertThat(ProcessElements.at(XML, 0)).isEmpty();
        assertThat(ProcessElements.at("<definitions><process id=", 1)).isEmpty();
    }
}
