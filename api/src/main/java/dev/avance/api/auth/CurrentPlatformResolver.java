package dev.avance.api.auth;

import dev.avance.activities.platform.Platform;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the authenticated {@link Platform} as a parameter. */
class CurrentPlatformResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Platform.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Object platform =
        request.getAttribute(ApiKeyInterceptor.PLATFORM_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (platform == null) {
      throw new IllegalStateException("handler is outside the authenticated paths");
    }
    return platform;
  }
}
