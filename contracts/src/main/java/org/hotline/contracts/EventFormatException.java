package org.hotline.contracts;

/**
 * A payload that does not match its contract. The message names the event type and the offending JSON paths only:
 * payloads hold personal data, so no value from them may reach a message or a log.
 */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }
}
