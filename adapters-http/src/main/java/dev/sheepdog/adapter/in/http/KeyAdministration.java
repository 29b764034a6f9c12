package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.in.AddKeyUseCase;
import dev.sheepdog.domain.port.in.DisableKeyUseCase;
import dev.sheepdog.domain.port.in.EnableKeyUseCase;
import dev.sheepdog.domain.port.in.ListKeysUseCase;
import dev.sheepdog.domain.port.in.RemoveKeyUseCase;
import dev.sheepdog.domain.port.in.RotateKeyUseCase;

/** The key use cases the admin API calls. */
public record KeyAdministration(ListKeysUseCase list, AddKeyUseCase add, RotateKeyUseCase rotate,
                                DisableKeyUseCase disable, EnableKeyUseCase enable, RemoveKeyUseCase remove) {

    public KeyAdministration {
        requireNonNull(list, "list");
        requireNonNull(add, "add");
        requireNonNull(rotate, "rotate");
        requireNonNull(disable, "disable");
        requireNonNull(enable, "enable");
        requireNonNull(remove, "remove");
    }
}
