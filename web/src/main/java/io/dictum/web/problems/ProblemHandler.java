package io.dictum.web.problems;

import io.dictum.core.encryption.ContentIntegrityException;
import io.dictum.core.errors.ConflictException;
import io.dictum.core.errors.DictumException;
import io.dictum.core.errors.ForbiddenException;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.errors.NotFoundException;
import io.dictum.core.users.SignInGuard;
import io.dictum.speech.InvalidAudioException;
import io.dictum.web.speech.NoSpeechException;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

/** Every error leaves as RFC 9457 problem JSON whose detail says what went wrong and what to do. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(SignInGuard.LockedOut.class)
    ResponseEntity<ProblemDetail> lockedOut(SignInGuard.LockedOut e) {
        long seconds = Math.max(1, java.time.Duration.between(java.time.OffsetDateTime.now(), e.until()).getSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.title(), e.getMessage()));
    }

    @ExceptionHandler(DictumException.class)
    ProblemDetail dictum(DictumException e) {
        HttpStatus status;
        if (e instanceof NotFoundException) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof ForbiddenException) {
            status = HttpStatus.FORBIDDEN;
        } else if (e instanceof ConflictException) {
            status = HttpStatus.CONFLICT;
        } else if (e instanceof InvalidInputException) {
            status = HttpStatus.BAD_REQUEST;
        } else {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        return Problems.of(status, e.title(), e.getMessage());
    }

    @ExceptionHandler(InvalidAudioException.class)
    ProblemDetail audio(InvalidAudioException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Unusable audio", e.getMessage());
    }

    @ExceptionHandler(NoSpeechException.class)
    ProblemDetail noSpeech(NoSpeechException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "No speech recognised", e.getMessage());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ProblemDetail tooLarge(DataBufferLimitException e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body is larger than this endpoint accepts. " + e.getMessage());
    }

    @ExceptionHandler(ContentIntegrityException.class)
    ProblemDetail integrity(ContentIntegrityException e) {
        String incident = UUID.randomUUID().toString();
        log.error("Stored contents failed their integrity check, incident {}", incident, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Stored contents damaged",
                "The stored contents of this document failed their integrity check (" + e.getMessage() + "); none of"
                        + " it was sent. Ask an administrator to restore the file from a backup or to configure the"
                        + " missing master key (incident " + incident + ").");
    }

    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<ProblemDetail> busy(RejectedExecutionException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                        "Every speech decoder is busy and the queue is full. Try again in a few seconds."));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
                            DatabaseUnavailable.DETAIL));
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error", "Something went wrong on our side (incident " + incident + "). Nothing was"
                        + " changed by this request unless it says otherwise; try again, and report the incident id"
                        + " if it persists."));
    }

    /** Malformed JSON, wrong types and bad path or query values: say which, instead of a generic message. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", describe(ex));
        return handleExceptionInternal(ex, body, headers, status, exchange);
    }

    /** Framework-raised problems (413, 405, 406, 415...) get a detail that says what to do, like our own. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status,
                                                                   ServerWebExchange exchange) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getDetail() == null || problem.getDetail().isBlank()
                || problem.getDetail().length() < 20)) {
            problem.setDetail(switch (status.value()) {
                case 413 -> "The upload is larger than this server accepts (DICTUM_MAX_UPLOAD_BYTES for documents,"
                        + " DICTUM_MAX_AUDIO_BYTES for audio). Send a smaller file or ask an administrator to raise"
                        + " the limit.";
                case 405 -> "This path does not accept " + exchange.getRequest().getMethod()
                        + "; see the README's API table.";
                case 415 -> "This endpoint does not accept the content type "
                        + exchange.getRequest().getHeaders().getContentType() + "; see the README's API table.";
                case 406 -> "This endpoint cannot answer in the media type you asked for; accept application/json.";
                default -> (problem.getDetail() == null ? problem.getTitle() : problem.getDetail())
                        + ". See the README's API table.";
            });
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static String describe(ServerWebInputException ex) {
        String parameter = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        if (ex.getCause() instanceof TypeMismatchException mismatch) {
            return "'" + mismatch.getValue() + "' is not a valid value for '"
                    + (parameter == null ? mismatch.getPropertyName() : parameter) + "'"
                    + (mismatch.getMostSpecificCause() == mismatch ? "" : ": "
                    + firstLine(mismatch.getMostSpecificCause().getMessage())) + ".";
        }
        if (ex.getMostSpecificCause() instanceof JsonProcessingException json) {
            return "The body is not valid JSON for this endpoint: " + firstLine(json.getOriginalMessage())
                    + ". Send a JSON object with the documented fields.";
        }
        if (ex.getMostSpecificCause() instanceof IllegalArgumentException invalid) {
            return firstLine(invalid.getMessage()) + ".";
        }
        if (ex.getReason() != null && ex.getReason().startsWith("No request body")) {
            return "The request body is empty. Send the data this endpoint expects (README, API).";
        }
        return (ex.getReason() == null ? "The request could not be read" : firstLine(ex.getReason()))
                + ". Check it against the README's API table.";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchEndpoint(NoResourceFoundException e, ServerWebExchange exchange) {
        return Problems.of(HttpStatus.NOT_FOUND, "No such endpoint", "Nothing answers "
                + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                + ". The API lives under /api/v1; see the README's API table.");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
