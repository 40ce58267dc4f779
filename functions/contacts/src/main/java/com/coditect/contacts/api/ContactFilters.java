package com.coditect.contacts.api;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/**
 * The filters of the contact lists: {@code ?entity_type=&entity_id=} (whose contacts; the caller's
 * own when both are absent), the kind's type ({@code ?address_type=}, {@code ?phone_type=},
 * {@code ?email_type=}) and {@code ?is_default=true|false}.
 */
public record ContactFilters(Optional<EntityType> entityType, Optional<String> entityId, Optional<String> type,
    Optional<Boolean> isDefault) {

  public static <E extends Enum<E> & Choice> ContactFilters from(ApiRequest request, String typeParameter,
      Class<E> typeClass) {
    return new ContactFilters(request.choiceQueryParameter("entity_type", EntityType.class),
        request.uuidQueryParameter("entity_id"),
        request.choiceQueryParameter(typeParameter, typeClass).map(Choice::apiName),
        request.choiceQueryParameter("is_default", List.of("true", "false")).map(Boolean::valueOf));
  }
}
