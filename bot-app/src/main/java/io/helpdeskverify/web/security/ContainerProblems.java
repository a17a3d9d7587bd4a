package io.helpdeskverify.web.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail for an error the container raised rather than our code: Tomcat refusing the
 * request line, or a status sent to the error path. The wording is fixed per status, so nothing
 * the caller sent is echoed back and no exception message leaks.
 */
public final class ContainerProblems {

    private ContainerProblems() {}

    public static ProblemDetail forStatus(int status) {
        var resolved = HttpStatus.resolve(status);
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(resolved == null ? "Error" : resolved.getReasonPhrase());
        problem.setDetail(detail(status));
        return problem;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: its path, request line, headers or body hold something "
                    + "HTTP does not allow there (a '\\', a '%' not followed by two hex digits, a raw space or "
                    + "control character). Percent-encode the path as RFC 3986 says and send it again.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This route does not take that HTTP method.";
            case 408 -> "The request took too long to arrive. Send it again.";
            case 413, 414, 431 -> "The request, its headers or its URL are larger than this server accepts.";
            case 501 -> "This HTTP method is not supported. The API uses GET, POST, PUT, PATCH and DELETE.";
            case 505 -> "This HTTP version is not supported. Use HTTP/1.1.";
            default -> status >= 500
                    ? "Something went wrong on our side; the log has the details. Try again later."
                    : "The request was refused before it reached the API.";
        };
    }
}
