package dev.avance.api.auth;

import dev.avance.activities.platform.Platform;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the authenticated {@link Platform}, or on an operator endpoint the
 * {@link Operator}, as a parameter.
 */
class CurrentPlatformResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Platform.class
        || parameter.getParameterType() == Operator.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    String attribute =
        parameter.getParameterType() == Platform.class
            ? ApiKeyInterceptor.PLATFORM_ATTRIBUTE
            : OperatorKeyInterceptor.OPERATOR_ATTRIBUTE;
    Object caller = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
    if (caller == null) {
      throw new IllegalStateException("handler is outside the authenticated paths");
    }
    return caller;
  }
}
