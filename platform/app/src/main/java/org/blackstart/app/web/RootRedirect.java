package org.blackstart.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} opens Tasklist, where commanders and agents work. */
@Controller
class RootRedirect {

    @GetMapping("/")
    String tasklist() {
        return "redirect:/camunda/app/tasklist/";
    }
}
