package dev.sheepdog.domain.port.out;

/** Planted violation: a class where only port interfaces belong. */
public class PlantedClassPort {
}
