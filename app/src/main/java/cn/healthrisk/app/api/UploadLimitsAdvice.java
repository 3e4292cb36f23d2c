package cn.healthrisk.app.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limits ({@code spring.servlet.multipart.*}) is refused before any controller
 * sees it; this gives it the API's JSON error shape instead of the servlet container's error page.
 */
@RestControllerAdvice
public class UploadLimitsAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", "PAYLOAD_TOO_LARGE");
    body.put("message", "The upload is larger than the engine accepts"
        + (e.getMaxUploadSize() > 0 ? " (" + e.getMaxUploadSize() + " bytes)" : "") + ": send smaller documents");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
