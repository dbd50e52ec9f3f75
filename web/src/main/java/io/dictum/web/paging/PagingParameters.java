package io.dictum.web.paging;

import io.dictum.core.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Lets a list endpoint take a {@link PageQuery} parameter instead of {@code page}, {@code size} and {@code sort}
 * query parameters of its own. The values go through the same data binder as {@code @RequestParam} values (and so
 * through {@code StrictNumbers}), and an empty value means the default, so bad values get the same 400 problems as
 * any other query parameter, naming the parameter.
 */
@Component
public class PagingParameters implements SyncHandlerMethodArgumentResolver {

    public static final int DEFAULT_SIZE = PageRequest.MAX_SIZE;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(PageQuery.class);
    }

    @Override
    public Object resolveArgumentValue(MethodParameter parameter, BindingContext binding, ServerWebExchange exchange) {
        DefaultPageSize defaultSize = parameter.getParameterAnnotation(DefaultPageSize.class);
        Optional<Integer> page = number("page", binding, exchange);
        Optional<Integer> size = number("size", binding, exchange);
        Object sortValue = value("sort", exchange);
        Optional<String> sort = Optional.ofNullable(sortValue).map(v -> convert(v, String.class, "sort", binding,
                exchange));
        ServerHttpRequest request = exchange.getRequest();
        return new PageQuery(page.orElse(0), size.orElse(defaultSize == null ? DEFAULT_SIZE : defaultSize.value()),
                sort, page.isPresent() || size.isPresent() || sort.isPresent(), request.getPath().value(),
                request.getURI().getRawQuery());
    }

    /** Empty when the parameter is absent or empty, as {@code @RequestParam(defaultValue = ...)} has it. */
    private static Optional<Integer> number(String name, BindingContext binding, ServerWebExchange exchange) {
        Object value = value(name, exchange);
        return value == null || "".equals(value) ? Optional.empty()
                : Optional.of(convert(value, int.class, name, binding, exchange));
    }

    /** One value as a string, several as their list (which the binder joins or refuses), none as null. */
    private static Object value(String name, ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getQueryParams().get(name);
        return values == null ? null : values.size() == 1 ? values.get(0) : values;
    }

    private static <T> T convert(Object value, Class<T> type, String name, BindingContext binding,
                                 ServerWebExchange exchange) {
        try {
            return binding.createDataBinder(exchange, name).convertIfNecessary(value, type);
        } catch (TypeMismatchException e) {
            e.initPropertyName(name);
            throw new ServerWebInputException("Type mismatch.", null, e);
        }
    }
}
