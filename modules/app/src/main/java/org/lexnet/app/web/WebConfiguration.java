package org.lexnet.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies are read strictly: an unknown field is a 400 naming it (a typo such as
 * {@code "visibleInNetwrk"} must not silently leave a privacy setting unchanged), so is a field given
 * twice (which of the two would count is anyone's guess), so is anything after the JSON value (a
 * second object, say, of which only the first would count), a number is not accepted where
 * true/false or text is expected, nor {@code 1.9} where a whole number is, nor an empty or blank
 * string where an id is (read as no id, a request naming its mentor by a broken id would become a
 * request for anyone), and text and dates are checked by {@link StrictInputModule}. Only the web layer
 * is strict; Axon's serializer keeps its own lenient mapper so that old events stay readable.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper strict = json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                        .registerModule(new StrictInputModule());
                strict.coercionConfigFor(LogicalType.OtherScalar)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                json.setObjectMapper(strict);
            }
        }
    }
}
