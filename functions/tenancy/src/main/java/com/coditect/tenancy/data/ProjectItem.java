package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.tenancy.model.ProjectStatus;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A project. Key {@code PK=T#<tenant>#PROJECT#<id>, SK=PROJECT}; GSI1 lists the tenant's projects,
 * GSI2 lists them by status. The key ({@code ENG}) is unique per tenant through a
 * {@code PROJECT_KEY} sentinel and never changes, since task keys ({@code ENG-42}) are built on it.
 */
public final class ProjectItem extends TableItem {

  public static final String ENTITY = "PROJECT";

  public String id;
  public String key;
  public String name;
  public String description;
  public ProjectStatus status;
  public String ownerId;

  public static final TableSchema<ProjectItem> SCHEMA =
      StaticTableSchema.builder(ProjectItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(ProjectItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("key").getter(i -> i.key).setter((i, v) -> i.key = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(String.class, a -> a.name("description").getter(i -> i.description).setter((i, v) -> i.description = v))
          .addAttribute(ProjectStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(ProjectStatus.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(i -> i.ownerId).setter((i, v) -> i.ownerId = v))
          .build();
}
