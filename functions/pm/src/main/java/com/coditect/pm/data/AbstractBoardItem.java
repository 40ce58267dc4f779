package com.coditect.pm.data;

import com.coditect.pm.model.BoardType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import java.util.List;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A board of a project: named columns, each collecting the project's tasks of some statuses. No
 * {@code deleted_at}: the spec gives boards none, so a delete removes the item.
 *
 * <pre>
 * PK             SK      GSI1PK                    GSI1SK   serves
 * T#t#BOARD#b    BOARD   T#t#PROJECT#p#BOARDS      b        GET/PATCH/DELETE /v1/boards/{b}; a project's boards, oldest first
 * </pre>
 *
 * The tasks a board shows are not here: they are the project's board rows ({@link PmKeys#boardRows}),
 * which every board of the project reads.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractBoardItem implements StoredItem<BoardItem> {

  public static final String ENTITY = "BOARD";

  public abstract String id();

  public abstract String projectId();

  public abstract String name();

  public abstract BoardType boardType();

  /** Sorted by position; stored as one JSON string (see {@link BoardColumnsConverter}). */
  public abstract List<BoardColumn> columns();

  public static final TableSchema<BoardItem> SCHEMA =
      StaticImmutableTableSchema.builder(BoardItem.class, BoardItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(BoardItem::builder, BoardItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, BoardItem::meta, BoardItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(BoardItem::id).setter(BoardItem.Builder::id))
          .addAttribute(String.class, a -> a.name("project_id").getter(BoardItem::projectId)
              .setter(BoardItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("name").getter(BoardItem::name).setter(BoardItem.Builder::name))
          .addAttribute(BoardType.class, a -> a.name("board_type").getter(BoardItem::boardType)
              .setter(BoardItem.Builder::boardType).attributeConverter(ChoiceConverter.of(BoardType.class)))
          .addAttribute(BoardColumnsConverter.TYPE, a -> a.name("columns").getter(BoardItem::columns)
              .setter(BoardItem.Builder::columns).attributeConverter(new BoardColumnsConverter()))
          .build();
}
