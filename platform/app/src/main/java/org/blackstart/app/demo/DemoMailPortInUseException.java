package org.blackstart.app.demo;

/** A port of the demo mail sink is taken, most often by another Blackstart on the embedded default. */
public class DemoMailPortInUseException extends IllegalStateException {

    private final String property;

    DemoMailPortInUseException(int port, String protocol, String property) {
        super("The demo mail sink cannot listen on 127.0.0.1:" + port + " (" + protocol + "): the port is in use, "
                + "most likely by another Blackstart started with the embedded default.");
        this.property = property;
    }

    /** The property that moves it elsewhere. */
    public String property() {
        return property;
    }
}
