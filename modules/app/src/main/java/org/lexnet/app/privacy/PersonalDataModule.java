package org.lexnet.app.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts every event value marked {@link PersonalData} as it is stored, and decrypts it as it is read,
 * in the one place every stored message passes: Axon's serializer (events, dead letters, tokens). The
 * aggregates, projections and handlers see plain values and never know. A value whose key was destroyed
 * (its member erased) reads as null. A plaintext value, written before personal data was encrypted,
 * still reads as it is (and is encrypted in place by {@link LegacyPlaintextEncryption}).
 */
public class PersonalDataModule extends SimpleModule {

    private final transient PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("lexnet-personal-data", Version.unknownVersion());
        this.cipher = cipher;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector(cipher));
    }

    private static final class Introspector extends NopAnnotationIntrospector {

        private final transient PersonalDataCipher cipher;

        Introspector(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public Object findSerializer(Annotated annotated) {
            PersonalData personal = annotated.getAnnotation(PersonalData.class);
            return personal == null ? null : new Sealing(cipher, personal.keysOf(), null);
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            return annotated.hasAnnotation(PersonalData.class) ? new Opening(cipher, null, null) : null;
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }
    }

    /** Writes the value as JSON, seals it with the keys of the members it names, and writes the token. */
    private static final class Sealing extends JsonSerializer<Object> implements ContextualSerializer {

        private final transient PersonalDataCipher cipher;
        private final String[] keysOf;
        private final JavaType type;

        Sealing(PersonalDataCipher cipher, String[] keysOf, JavaType type) {
            this.cipher = cipher;
            this.keysOf = keysOf;
            this.type = type;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
            return new Sealing(cipher, keysOf, property == null ? null : property.getType());
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ObjectMapper mapper = (ObjectMapper) gen.getCodec();
            byte[] plaintext = type == null ? mapper.writeValueAsBytes(value)
                    : mapper.writerFor(type).writeValueAsBytes(value);
            gen.writeString(cipher.seal(plaintext, owners(gen.currentValue())));
        }

        private List<UUID> owners(Object holder) throws JsonMappingException {
            List<UUID> owners = new ArrayList<>();
            for (String component : keysOf) {
                Object member = component(holder, component);
                if (!(member instanceof MemberId id)) {
                    throw JsonMappingException.from((JsonGenerator) null, "personal data in "
                            + (holder == null ? "?" : holder.getClass().getSimpleName()) + " needs the member in '"
                            + component + "', which is " + member);
                }
                owners.add(id.value());
            }
            return owners;
        }

        private static Object component(Object holder, String name) {
            if (holder == null || !holder.getClass().isRecord()) {
                return null;
            }
            for (RecordComponent component : holder.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return component.getAccessor().invoke(holder);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + name + " of " + holder.getClass(), e);
                    }
                }
            }
            return null;
        }
    }

    /** Reads a token back into the value (null once erased), or a plaintext value as it is. */
    private static final class Opening extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final transient PersonalDataCipher cipher;
        private final JavaType type;
        private final JsonDeserializer<Object> plain;

        Opening(PersonalDataCipher cipher, JavaType type, JsonDeserializer<Object> plain) {
            this.cipher = cipher;
            this.type = type;
            this.plain = plain;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JavaType propertyType = property.getType();
            // looked up by type alone, so this property's annotation does not send it back here
            return new Opening(cipher, propertyType, context.findRootValueDeserializer(propertyType));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && PersonalDataCipher.isSealed(parser.getText())) {
                Optional<byte[]> plaintext = cipher.open(parser.getText());
                if (plaintext.isEmpty()) {
                    return null;
                }
                return ((ObjectMapper) parser.getCodec()).readerFor(type).readValue(plaintext.get());
            }
            return plain.deserialize(parser, context);
        }
    }
}
