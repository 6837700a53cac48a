package org.blackstart.bridge;

/** Thrown by {@code blackstart:message:<name>?requireMatch=true} when no execution waits for the message. */
public class MessageNotCorrelatedException extends RuntimeException {

    public MessageNotCorrelatedException(String messageName, String correlationKey) {
        super("message '" + messageName + "' with correlation key '" + correlationKey
                + "' matched no waiting process; it was not delivered");
    }
}
