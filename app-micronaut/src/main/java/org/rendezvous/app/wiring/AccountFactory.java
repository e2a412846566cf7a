package org.rendezvous.app.wiring;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import org.rendezvous.app.account.Argon2PasswordHasher;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.account.AccountLinks;
import org.rendezvous.core.inmemory.InMemoryAccounts;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.Stores;
import org.rendezvous.persistence.PostgresStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Practitioners' accounts (ACC-1, ACC-3): the store, the password hasher, the links in e-mails, the session key. */
@Factory
final class AccountFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AccountFactory.class);

    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    /** On PostgreSQL beside the stores, sharing their transactions, so that accounts outlive a restart. */
    @Singleton
    @Requires(property = "rendezvous.database.mode", notEquals = "memory", defaultValue = "embedded")
    Accounts postgresAccounts(Stores stores) {
        return PostgresStores.accounts(stores);
    }

    /** In memory beside the in-memory stores, sharing their transactions: lost when the host stops, as they are. */
    @Singleton
    @Requires(property = "rendezvous.database.mode", value = "memory")
    Accounts memoryAccounts(Stores stores) {
        return InMemoryAccounts.joining(stores.transactions());
    }

    /** The engine's own, built with the accounts store and hasher above (EngineFactory). */
    @Singleton
    AccountService accountService(Rendezvous engine) {
        return engine.accounts();
    }

    /** The pages of the web app that take the token from the link (they call the verify and reset endpoints). */
    @Singleton
    AccountLinks accountLinks(HostSettings host) {
        String base = host.baseUrl();
        return new AccountLinks(URI.create(base + "/verify-email"), URI.create(base + "/reset-password"));
    }

    /**
     * Signs and checks session tokens with HS256: the key is RENDEZVOUS_JWT_SECRET, or a random one that lives as
     * long as the process. It is also the only signature the validator accepts, so an unsigned token is refused.
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(SessionSettings settings) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        if (settings.hasSecret()) {
            configuration.setSecret(settings.jwtSecret());
        } else {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            configuration.setSecret(Base64.getEncoder().encodeToString(random));
            LOG.warn("RENDEZVOUS_JWT_SECRET is not set: sessions are signed with a random key made at start, so every "
                    + "practitioner must log in again after a restart, and two instances do not accept each other's sessions");
        }
        return new SecretSignature(configuration);
    }
}
