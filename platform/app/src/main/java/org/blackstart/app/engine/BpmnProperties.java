package org.blackstart.app.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Reads {@code camunda:properties} of a BPMN element while it is parsed. */
public final class BpmnProperties {

    private BpmnProperties() {
    }

    public static Map<String, String> of(Element element) {
        Map<String, String> properties = new HashMap<>();
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return properties;
        }
        Element container = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (container == null) {
            return properties;
        }
        for (Element property : container.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String name = property.attribute("name");
            if (name != null) {
                properties.put(name, property.attribute("value"));
            }
        }
        return properties;
    }
}
