package org.blackstart.app.notice.template;

import java.util.List;
import java.util.stream.Collectors;

/** A template set that does not pass validation; nothing was stored. */
public class InvalidTemplateException extends RuntimeException {

    private final transient List<TemplateProblem> problems;

    public InvalidTemplateException(List<TemplateProblem> problems) {
        super(problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
