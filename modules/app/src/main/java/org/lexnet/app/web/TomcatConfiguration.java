package org.lexnet.app.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Tomcat, with {@link ProblemErrorReportValve} in place of Tomcat's HTML error page: a
 * request refused by the container itself is answered in problem+json too. (The host's error valve
 * can only be chosen before the host starts, which no customizer hook reaches; hence the factory.)
 * {@link CorrelationIdValve} comes first of all, so that everything logged about a request carries its id.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                StandardHost host = (StandardHost) tomcat.getHost();
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
                return super.getTomcatWebServer(tomcat);
            }
        };
        factory.addEngineValves(new CorrelationIdValve());
        return factory;
    }
}
