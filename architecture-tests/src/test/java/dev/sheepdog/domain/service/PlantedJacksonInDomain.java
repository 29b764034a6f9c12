package dev.sheepdog.domain.service;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Planted violation: a framework in the domain. */
public class PlantedJacksonInDomain {
    ObjectMapper mapper;
}
