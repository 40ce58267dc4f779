package com.coditect.pm.data;

import com.coditect.pm.model.BoardType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

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
public final class BoardItem extends TableItem {

  public static final String ENTITY = "BOARD";

  public String id;
  public String projectId;
  public String name;
  public BoardType boardType;
  /** Sorted by position; stored as one JSON string (see {@link BoardColumnsConverter}). */
  public List<BoardColumn> columns;

  public static final TableSchema<BoardItem> SCHEMA =
      StaticTableSchema.builder(BoardItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(BoardItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("project_id").getter(i -> i.projectId)
              .setter((i, v) -> i.projectId = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(BoardType.class, a -> a.name("board_type").getter(i -> i.boardType)
              .setter((i, v) -> i.boardType = v).attributeConverter(ChoiceConverter.of(BoardType.class)))
          .addAttribute(BoardColumnsConverter.TYPE, a -> a.name("columns").getter(i -> i.columns)
              .setter((i, v) -> i.columns = v).attributeConverter(new BoardColumnsConverter()))
          .build();
}
